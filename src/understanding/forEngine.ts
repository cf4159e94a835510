import type { Understanding } from '../engine/understanding';
import { createClassifier } from './classifier';
import { loadTraining } from './loadTraining';
import { matchPhrase } from './matchPhrase';

/** The engine's view of understanding: the topic classifier trained from `flows/`, plus answer matching. */
export function createUnderstanding(flowsDir: string): Understanding {
  const classifier = createClassifier(loadTraining(flowsDir));
  return {
    classify: (text) => classifier.classify(text),
    matchPhrase: (text, options) => matchPhrase(text, options),
    threshold: classifier.threshold,
  };
}
