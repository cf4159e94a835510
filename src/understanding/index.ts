export { createClassifier, DEFAULT_THRESHOLD } from './classifier';
export type { Classification, Classifier, ClassifierOptions, RankedTopic, TopicTraining, UnderstandingTraining } from './classifier';
export { createUnderstanding, type Understanding } from './createUnderstanding';
export { matchPhrase, type PhraseMatch, type PhraseOption } from './matchPhrase';
export { loadTraining } from './loadTraining';
export { UnderstandingFile } from './schema';
