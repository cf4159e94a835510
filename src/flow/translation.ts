/**
 * A translation file holds only words, under the English file's keys (docs/TRANSLATING.md).
 * `translate` lays it over the English file's parsed YAML: texts replace texts one for one,
 * phrase lists add the language's own phrases to the English ones (a Spanish speaker may still
 * type "ok" or "404 not found"), and everything structural comes from English.
 */
import { placeholders } from '../languages';

/** Keys whose value is never a translator's: ids, targets, guards, effects, recruiter-facing words. */
const STRUCTURE = new Set([
  '$schema', 'id', 'type', 'next', 'start', 'helped', 'notHelped', 'cancelled', 'outcome', 'kind', 'when',
  'branches', 'remember', 'actions', 'recruiter', 'recruiterAction', 'withProblem', 'topics',
]);

/** Lists of what a candidate may type: the language's own phrases, not a translation of the English ones. */
const PHRASES = new Set([
  'keywords', 'synonyms', 'cues', 'words', 'restart', 'menu', 'human', 'cancelWords', 'sendWords', 'changeWords',
  'stayWords', 'followUp', 'delete', 'presenting', 'skipWords',
]);

export type FileKind = 'guide' | 'topic';

export interface TranslationOutcome {
  /** The English file with the translation laid over it, ready for the same schema check. */
  merged: unknown;
  /** Keys the translation lacks: English is shown there. */
  missing: string[][];
  /** Keys that can't be used: English has no such text, or the value isn't a text where English has one. */
  problems: { at: (string | number)[]; message: string }[];
}

export function translate(english: unknown, translation: unknown, file: FileKind): TranslationOutcome {
  const outcome: TranslationOutcome = { merged: undefined, missing: [], problems: [] };
  const englishNodes = file === 'topic' ? nodesOf(english) : {};

  /** Structure from English; also what a guide's `recruiters:` and `languages.unsupported` are (never translated). */
  const isStructure = (path: string[], key: string): boolean => {
    if (STRUCTURE.has(key)) return true;
    if (file === 'guide') return (path.length === 0 && key === 'recruiters') || (path[0] === 'languages' && key === 'unsupported');
    // A node's passOn holds targets; an advice node's label is recruiter-facing ("already tried: …").
    if (path.length === 2 && path[0] === 'nodes') return key === 'passOn' || (key === 'label' && englishNodes[path[1]!] === 'advice');
    return false;
  };

  const problem = (at: string[], message: string) => outcome.problems.push({ at, message });

  const merge = (en: unknown, tr: unknown, path: string[]): unknown => {
    const key = path[path.length - 1] ?? '';
    if (path.length > 0 && isStructure(path.slice(0, -1), key)) {
      if (tr !== undefined) problem(path, 'comes from the English file: a translation holds only words (docs/TRANSLATING.md)');
      return en;
    }
    if (typeof en === 'string') {
      if (tr === undefined) return missing(path, en);
      if (typeof tr !== 'string' || tr.trim() === '') return wrong(path, 'should be a text', en);
      const want = placeholders(en).join(' ');
      const got = placeholders(tr).join(' ');
      if (want !== got) problem(path, `placeholders differ from English: English has ${want || 'none'}, this has ${got || 'none'}`);
      return tr;
    }
    if (Array.isArray(en)) {
      if (en.every((item) => typeof item === 'string')) {
        if (PHRASES.has(key) || path[0] === 'commands' || (path[0] === 'csat' && path[1] === 'scoreWords')) {
          if (tr === undefined) return missing(path, en);
          if (!isStrings(tr)) return wrong(path, 'should be a list of phrases', en);
          return [...new Set([...tr, ...en])];
        }
        if (tr === undefined) return missing(path, en);
        if (!isStrings(tr) || tr.length !== en.length) return wrong(path, `should be a list of ${en.length} texts, in the English order`, en);
        return en.map((item, i) => merge(item, tr[i], [...path, String(i)]));
      }
      if (en.every((item) => isRecord(item) && typeof item.id === 'string')) {
        // Choices and form fields: keyed by their English id, not by position.
        if (tr !== undefined && !isRecord(tr)) return wrong(path, 'should be a map keyed by the English ids', en);
        const byId = (tr ?? {}) as Record<string, unknown>;
        const ids = new Set(en.map((item) => (item as { id: string }).id));
        for (const id of Object.keys(byId)) if (!ids.has(id)) problem([...path, id], `no such id in English (${[...ids].join(', ')})`);
        return en.map((item) => merge(item, byId[(item as { id: string }).id], [...path, (item as { id: string }).id]));
      }
      if (tr !== undefined) problem(path, 'comes from the English file: a translation holds only words');
      return en;
    }
    if (isRecord(en)) {
      if (tr !== undefined && !isRecord(tr)) return wrong(path, 'should be a map, as in English', en);
      const given = (tr ?? {}) as Record<string, unknown>;
      const out: Record<string, unknown> = {};
      for (const [k, v] of Object.entries(en)) out[k] = merge(v, given[k], [...path, k]);
      for (const [k, v] of Object.entries(given)) {
        if (k in en) continue;
        // A choice English gave no synonyms may have some in this language.
        if (PHRASES.has(k) && isStrings(v)) out[k] = v;
        else problem([...path, k], 'not in the English file');
      }
      return out;
    }
    if (tr !== undefined) problem(path, 'comes from the English file: a translation holds only words');
    return en;
  };

  const missing = (path: string[], en: unknown) => {
    outcome.missing.push(path);
    return en;
  };
  const wrong = (path: string[], message: string, en: unknown) => {
    problem(path, message);
    return en;
  };

  outcome.merged = merge(english, translation ?? {}, []);
  return outcome;
}

function nodesOf(topic: unknown): Record<string, unknown> {
  const nodes = isRecord(topic) && isRecord(topic.nodes) ? topic.nodes : {};
  return Object.fromEntries(Object.entries(nodes).map(([id, node]) => [id, isRecord(node) ? node.type : undefined]));
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isStrings(value: unknown): value is string[] {
  return Array.isArray(value) && value.every((item) => typeof item === 'string' && item.trim() !== '');
}
