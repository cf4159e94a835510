import { existsSync, readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { z } from 'zod';
import type { FlowSource } from './load';
import { readYaml } from '../yamlFile';
import { GuideFile, TopicFile } from './schema';
import { UnderstandingFile } from './understandingSchema';
import type { FlowProblem } from './problems';
import { translate, type FileKind } from './translation';

/** The source language: its words are `flows/guide.yaml` and `flows/topics/` themselves. */
export const ENGLISH = 'en';

/** `flows/locales/<code>/locale.yaml`: the language itself. */
const LocaleFile = z.strictObject({
  name: z.string().trim().min(1).max(40).describe("the language's own name, as candidates recognise it: Español"),
  english: z.string().trim().min(1).max(40).describe('its name in English, for recruiters: Spanish'),
  switch: z.array(z.string().trim().min(1)).min(1).describe('phrases that switch the conversation to this language, typed in any language'),
});

/** A language the bot speaks. `code` is the folder's name, a BCP 47 tag: "es", "pt-BR". */
export interface Language {
  code: string;
  name: string;
  english: string;
  switch: string[];
}

/** A text a translation lacks: the candidate reads English there. */
export interface TranslationGap {
  language: string;
  file: string;
  at: string;
}

export interface LocalizedSources {
  languages: Language[];
  /** One flow source per language, English's words where a translation has none. */
  sources: Map<string, FlowSource>;
  gaps: TranslationGap[];
  problems: FlowProblem[];
}

/** Files of a language folder that other layers read (the web page, the candidate's emails). */
const OTHER_LAYERS = new Set(['page.yaml', 'email.yaml']);

const CODE = /^[a-z]{2,3}(-[A-Z]{2})?$/;

/**
 * Reads `flows/locales/<code>/` for every language and lays each translation over the English
 * source. Never throws: problems (an extra key, a placeholder that differs, a label too long
 * once translated) and gaps (missing texts) are returned for the caller to report.
 */
export function readLocalizedSources(flowsDir: string, english: FlowSource): LocalizedSources {
  const problems: FlowProblem[] = [];
  const gaps: TranslationGap[] = [];
  const show = (file: string) => relative(process.cwd(), file) || file;
  const localesDir = join(flowsDir, 'locales');
  const sources = new Map<string, FlowSource>([[ENGLISH, english]]);
  const languages: Language[] = [];
  const codes = existsSync(localesDir)
    ? readdirSync(localesDir, { withFileTypes: true }).filter((e) => e.isDirectory()).map((e) => e.name).sort(englishFirst)
    : [];
  if (!codes.includes(ENGLISH)) languages.push({ code: ENGLISH, name: 'English', english: 'English', switch: [] });

  for (const code of codes) {
    const dir = join(localesDir, code);
    if (!CODE.test(code)) {
      problems.push({ file: show(dir), at: '', message: 'name a language folder by its BCP 47 tag: "es", "pt-BR"' });
      continue;
    }
    const localeFile = join(dir, 'locale.yaml');
    const locale = readYaml(localeFile, show(localeFile), problems);
    if (!locale) continue;
    const parsed = LocaleFile.safeParse(locale.data);
    if (!parsed.success) {
      for (const issue of parsed.error.issues) {
        const at = issue.path.filter((k): k is string | number => typeof k !== 'symbol');
        problems.push({ file: show(localeFile), at: at.join('.'), line: locale.lineOf(at), message: issue.message });
      }
      continue;
    }
    languages.push({ code, ...parsed.data });
    if (code === ENGLISH) continue;

    const translated = (file: string, kind: FileKind, en: unknown) => {
      const shown = show(file);
      const read = existsSync(file) ? readYaml(file, shown, problems) : { data: undefined, lineOf: () => undefined };
      if (!read) return undefined;
      const outcome = translate(en, read.data, kind);
      for (const p of outcome.problems) problems.push({ file: shown, at: p.at.join('.'), line: read.lineOf(p.at), message: p.message });
      for (const at of outcome.missing) gaps.push({ language: code, file: shown, at: at.join('.') });
      return outcome.merged;
    };
    const checked = <S extends z.ZodType>(schema: S, data: unknown, file: string): z.output<S> | undefined => {
      const result = schema.safeParse(data);
      if (result.success) return result.data;
      for (const issue of result.error.issues) {
        problems.push({ file: show(file), at: issue.path.map(String).join('.'), message: `once translated: ${issue.message}` });
      }
      return undefined;
    };

    const guideFile = join(dir, 'guide.yaml');
    const guide = checked(GuideFile, translated(guideFile, 'guide', english.parsed.guide), guideFile);
    const topics: TopicFile[] = [];
    const topicFiles = new Map<string, string>();
    for (const [id, parsedTopic] of english.parsed.topics) {
      const file = join(dir, 'topics', `${id}.yaml`);
      const topic = checked(TopicFile, translated(file, 'topic', parsedTopic), file);
      if (topic) topics.push(topic);
      topicFiles.set(id, show(file));
    }
    const topicsDir = join(dir, 'topics');
    if (existsSync(topicsDir)) {
      for (const name of readdirSync(topicsDir)) {
        if (!english.parsed.topics.has(name.replace(/\.ya?ml$/, ''))) {
          problems.push({ file: show(join(topicsDir, name)), at: '', message: 'no English topic of this name in flows/topics/' });
        }
      }
    }
    for (const name of readdirSync(dir)) {
      if (!['locale.yaml', 'guide.yaml', 'understanding.yaml', 'topics', ...OTHER_LAYERS].includes(name)) {
        problems.push({ file: show(join(dir, name)), at: '', message: 'not a translation file (see docs/TRANSLATING.md)' });
      }
    }

    const understandingFile = join(dir, 'understanding.yaml');
    let understanding = english.understanding;
    if (existsSync(understandingFile)) {
      const read = readYaml(understandingFile, show(understandingFile), problems);
      const own = read && checked(UnderstandingFile, read.data, understandingFile);
      if (own) understanding = own;
    } else {
      gaps.push({ language: code, file: show(understandingFile), at: '(file)' });
    }

    if (guide && topics.length === english.topics.length) {
      sources.set(code, { ...english, guide, topics, understanding, topicFiles, guideFile: show(guideFile) });
    }
  }
  return { languages, sources, gaps, problems };
}

function englishFirst(a: string, b: string): number {
  return a === ENGLISH ? -1 : b === ENGLISH ? 1 : a.localeCompare(b);
}
