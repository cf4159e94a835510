export { createClassifier, DEFAULT_THRESHOLD } from './classifier';
export type { Classification, Classifier, ClassifierOptions, RankedTopic, TopicTraining, UnderstandingTraining } from './classifier';
export { matchPhrase, type PhraseMatch, type PhraseOption } from './matchPhrase';
export { trainingFrom, type TopicKeywords, type UnderstandingExamples } from './trainingFrom';
export { createLanguageIdentifier, identifyLanguage, type LanguageContext, type LanguageGuess } from './identifyLanguage';
export { isLanguageCode, LANGUAGE_CODES, type LanguageAnalysis, type LanguageCode } from './language';
export { analysisFor } from './languages';
