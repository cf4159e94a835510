export { matchLanguage } from './matchLanguage';
export { fill, loadTextsFile, placeholders, throwIfProblems, type LoadedTexts, type Texts } from './textsFile';
export { TextsError, formatTextsProblems, type TextsProblem } from './textsProblems';
