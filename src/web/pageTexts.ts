import { loadTextsFile, type LoadedTexts } from '../languages';

/**
 * Every word of the candidate's pages: `flows/page.yaml` and its translations in
 * `flows/locales/<language>/page.yaml`. Problems are collected, not thrown: src/app.ts stops
 * start-up with them and the other text files' together.
 */
export function loadPageTexts(flowsDir: string): LoadedTexts {
  return loadTextsFile(flowsDir, 'page.yaml');
}
