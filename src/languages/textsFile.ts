import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { isMap, isScalar, LineCounter, parseDocument, type Node } from 'yaml';
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
  let source: string;
  try {
    source = readFileSync(file, 'utf8');
  } catch {
    problems.push({ file: shown, at: '', message: 'file not found or unreadable' });
    return undefined;
  }
  const lines = new LineCounter();
  const doc = parseDocument(source, { lineCounter: lines, prettyErrors: false });
  if (doc.errors.length > 0) {
    for (const error of doc.errors) {
      problems.push({ file: shown, at: '', line: lines.linePos(error.pos[0]).line, message: `not valid YAML: ${error.message.split('\n')[0]}` });
    }
    return undefined;
  }
  if (!isMap(doc.contents)) {
    problems.push({ file: shown, at: '', message: 'expected keys with texts under them' });
    return undefined;
  }
  const found: Located = {};
  const visit = (node: Node | null | undefined, path: string[]): void => {
    const line = node?.range ? lines.linePos(node.range[0]).line : undefined;
    if (isMap(node)) {
      for (const pair of node.items) {
        const key = isScalar(pair.key) ? String(pair.key.value) : String(pair.key);
        visit(pair.value as Node | null, [...path, key]);
      }
    } else if (isScalar(node) && typeof node.value === 'string' && node.value.trim() !== '') {
      found[path.join('.')] = { text: node.value, line };
    } else {
      problems.push({ file: shown, at: path.join('.'), line, message: 'expected a text (or keys with texts under them)' });
    }
  };
  visit(doc.contents, []);
  return found;
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
