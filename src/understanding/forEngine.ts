import type { CompiledFlow } from '../flow';
import type { Understanding } from '../engine/understanding';
import { createClassifier } from './classifier';
import { trainingFrom } from './loadTraining';
import { matchPhrase } from './matchPhrase';

/** The engine's view of understanding: the topic classifier trained from the loaded flow, plus answer matching. */
export function createUnderstanding(flow: Pick<CompiledFlow, 'understanding' | 'topics'>): Understanding {
  const classifier = createClassifier(trainingFrom(flow.understanding, flow.topics.values()));
  return {
    classify: (text) => classifier.classify(text),
    matchPhrase: (text, options) => matchPhrase(text, options),
    threshold: classifier.threshold,
  };
}
