import { createClassifier, type Classifier, type ClassifierOptions } from './classifier';
import { readUnderstandingFile, trainingFrom } from './loadTraining';
import { matchPhrase } from './matchPhrase';
import type { TopicKeywords } from './schema';

export interface Understanding extends Classifier {
  matchPhrase: typeof matchPhrase;
}

/**
 * Free-text understanding for a loaded flow: example messages from `<flowsDir>/understanding.yaml`,
 * keywords from the flow's own (already validated) topics.
 */
export function createUnderstanding(
  flowsDir: string,
  flow: { topics: ReadonlyMap<string, TopicKeywords> },
  options: ClassifierOptions = {},
): Understanding {
  const classifier = createClassifier(trainingFrom(readUnderstandingFile(flowsDir), flow.topics.values()), options);
  return { classify: classifier.classify, threshold: classifier.threshold, matchPhrase };
}
