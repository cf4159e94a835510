import { existsSync, readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { readYaml } from '../yamlFile';
import { TextsError, type TextsProblem } from './textsProblems';

/** A file's texts, flat: "check.outcome.ok" → "Your camera and microphone work in this browser." */
export type Texts = Readonly<Record<string, string>>;

export interface LoadedTexts {
  /** English first, then each language of flows/locales that has this file. */
  languages: string[];
  /** Every key in every language: English where a translation has no text. */
  texts: Readonly<Record<string, Texts>>;
  /** Keys a translation doesn't have yet (shown in English); the tests require none. */
  missing: Array<{ language: string; key: string }>;
  /** What stops start-up: a file that can't be read, an extra key, a placeholder that differs. */
  problems: TextsProblem[];
}

/**
 * Reads `flows/<name>` (English, the source) and `flows/locales/<language>/<name>` for each
 * language folder that has one (docs/TRANSLATING.md). A translation holds the same keys, nested
 * as in English, each a text with the same `{placeholders}`. Nothing is thrown: every problem of
 * every file is collected (`throwIfProblems` stops start-up with all of them).
 */
export function loadTextsFile(flowsDir: string, name: string): LoadedTexts {
  const problems: TextsProblem[] = [];
  const missing: LoadedTexts['missing'] = [];
  const englishFile = join(flowsDir, name);
  const english = readTexts(englishFile, problems) ?? {};
  const texts: Record<string, Texts> = {};
  const languages = ['en'];

  for (const language of localeFolders(flowsDir)) {
    const file = join(flowsDir, 'locales', language, name);
    if (!existsSync(file)) continue;
    const translated = readTexts(file, problems);
    if (!translated) continue;
    languages.push(language);
    const shown = show(file);
    for (const [key, { text, line }] of Object.entries(translated)) {
      const source = english[key];
      if (source === undefined) {
        problems.push({ file: shown, at: key, line, message: `"${key}" is not in ${show(englishFile)}: remove it, or check its spelling` });
        continue;
      }
      const expected = placeholders(source.text);
      const found = placeholders(text);
      if (expected.join() !== found.join()) {
        problems.push({ file: shown, at: key, line, message: `placeholders ${describe(found)} differ from English ${describe(expected)}` });
      }
    }
    for (const key of Object.keys(english)) if (!(key in translated)) missing.push({ language, key });
    texts[language] = Object.fromEntries(Object.keys(english).map((key) => [key, translated[key]?.text ?? english[key]!.text]));
  }
  texts.en = Object.fromEntries(Object.entries(english).map(([key, { text }]) => [key, text]));
  return { languages, texts, missing, problems };
}

/** Stops start-up when any of the files has a problem, listing every one of them. */
export function throwIfProblems(...loaded: LoadedTexts[]): void {
  const problems = loaded.flatMap((file) => file.problems);
  if (problems.length > 0) throw new TextsError(problems);
}

/** `{device}`, `{ticketId}`…, sorted, each once. */
export function placeholders(text: string): string[] {
  return [...new Set(text.match(/\{[A-Za-z][A-Za-z0-9]*\}/g) ?? [])].sort();
}

/** Fills `{name}` from `values`; a placeholder without a value stays as written. */
export function fill(text: string, values: Readonly<Record<string, string>>): string {
  return text.replace(/\{([A-Za-z][A-Za-z0-9]*)\}/g, (whole, name: string) => values[name] ?? whole);
}

type Located = Record<string, { text: string; line?: number }>;

function readTexts(file: string, problems: TextsProblem[]): Located | undefined {
  const shown = show(file);
  const read = readYaml(file, shown, problems);
  if (!read) return undefined;
  if (!isRecord(read.data)) {
    problems.push({ file: shown, at: '', message: 'expected keys with texts under them' });
    return undefined;
  }
  const found: Located = {};
  const visit = (value: unknown, path: string[]): void => {
    if (isRecord(value)) {
      for (const [key, inner] of Object.entries(value)) visit(inner, [...path, key]);
    } else if (typeof value === 'string' && value.trim() !== '') {
      found[path.join('.')] = { text: value, line: read.lineOf(path) };
    } else {
      problems.push({ file: shown, at: path.join('.'), line: read.lineOf(path), message: 'expected a text (or keys with texts under them)' });
    }
  };
  visit(read.data, []);
  return found;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The folders of flows/locales other than English's, sorted. */
function localeFolders(flowsDir: string): string[] {
  try {
    return readdirSync(join(flowsDir, 'locales'), { withFileTypes: true })
      .filter((entry) => entry.isDirectory() && entry.name !== 'en')
      .map((entry) => entry.name)
      .sort();
  } catch {
    return [];
  }
}

function describe(names: string[]): string {
  return names.length === 0 ? '(none)' : names.join(' ');
}

function show(file: string): string {
  return relative(process.cwd(), file) || file;
}
