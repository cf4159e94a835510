import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { loadTextsFile, matchLanguage, type LoadedTexts, type Texts } from '../languages';

/** The candidate's words in every language, as loadEmailTexts gives them. */
export type CandidateTexts = Pick<LoadedTexts, 'languages' | 'texts'>;

/**
 * What a candidate receives from a recruiter: `flows/email.yaml` and its translations in
 * `flows/locales/<language>/email.yaml`. Problems are collected, not thrown: src/app.ts stops
 * start-up with them and the other text files' together.
 */
export function loadEmailTexts(flowsDir: string): LoadedTexts {
  return loadTextsFile(flowsDir, 'email.yaml');
}

/** The texts in the ticket's language (its `language`; English when absent or not one of ours). */
export function textsFor(language: string | undefined, { languages, texts }: CandidateTexts): Texts {
  return texts[(language && matchLanguage(language, languages)) || 'en'] ?? texts.en!;
}

let shipped: LoadedTexts | undefined;

/** The project's own flows/email.yaml, for callers given none (tests, the tickets API alone). */
export function shippedEmailTexts(): CandidateTexts {
  shipped ??= loadEmailTexts(join(projectRoot(), 'flows'));
  return shipped;
}

function projectRoot(from = __dirname): string {
  for (let dir = from; ; dir = dirname(dir)) {
    if (existsSync(join(dir, 'package.json'))) return dir;
    if (dirname(dir) === dir) throw new Error(`no package.json above ${from}: cannot find flows/email.yaml`);
  }
}
