import type { CompiledFlow } from '../flow';
import { createClassifier } from '../understanding/classifier';
import { matchPhrase } from '../understanding/matchPhrase';
import { trainingFrom } from '../understanding/trainingFrom';
import { saysHelped, saysNotHelped } from '../understanding/outcome';
import { looksLikeName, slotsIn } from '../understanding/slots';
import type { Understanding } from './understanding';

/**
 * How much of a message is read to understand it. Candidates name their problem early; reading
 * a pasted 10,000-character log word by word would only cost time (a message is still stored whole).
 */
const MAX_READ_CHARS = 500;

/** The engine's view of understanding: the topic classifier trained from the loaded flow, plus answer matching. */
export function createUnderstanding(flow: Pick<CompiledFlow, 'understanding' | 'topics'>): Understanding {
  const classifier = createClassifier(trainingFrom(flow.understanding, flow.topics.values()));
  return {
    classify: (text) => classifier.classify(text.slice(0, MAX_READ_CHARS)),
    matchPhrase: (text, options) => matchPhrase(text.slice(0, MAX_READ_CHARS), options),
    details: (text) => slotsIn(text.slice(0, MAX_READ_CHARS)),
    isName: looksLikeName,
    saysNotHelped: (text) => saysNotHelped(text.slice(0, MAX_READ_CHARS)),
    saysHelped: (text) => saysHelped(text.slice(0, MAX_READ_CHARS)),
    threshold: classifier.threshold,
  };
}
