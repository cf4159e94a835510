import { loadFlowSource } from './load';
import { compileFlow, type CompiledFlow } from './compile';
import { ENGLISH, readLocalizedSources, type Language, type TranslationGap } from './locales';
import { FlowError } from './problems';

export type { CompiledFlow, TreeNode } from './compile';
export { FlowError, formatProblems, type FlowProblem } from './problems';
export { positionName, positionOf, type FlowStateValue, type Position } from './position';
export { ENGLISH, type Language, type TranslationGap } from './locales';

/** Loads, checks and compiles `flows/` in English; throws FlowError listing every problem. */
export function loadFlow(flowsDir: string): CompiledFlow {
  return compileFlow(loadFlowSource(flowsDir));
}

/** The guide in every language the bot speaks, English first. */
export interface LocalizedFlows {
  english: CompiledFlow;
  /** By language code ("es", "pt-BR"), English included. */
  byLanguage: ReadonlyMap<string, CompiledFlow>;
  languages: Language[];
  /** Texts a translation lacks (English is shown there): start-up warns, the tests require none. */
  gaps: TranslationGap[];
}

/**
 * Loads `flows/` and every translation in `flows/locales/`; throws FlowError listing every problem
 * in every language (a key English doesn't have, a placeholder that differs, a label too long).
 */
export function loadFlows(flowsDir: string): LocalizedFlows {
  const source = loadFlowSource(flowsDir);
  const { languages, sources, gaps, problems } = readLocalizedSources(flowsDir, source);
  const byLanguage = new Map<string, CompiledFlow>();
  for (const language of languages) {
    const localized = sources.get(language.code);
    if (!localized) continue;
    try {
      byLanguage.set(language.code, compileFlow(localized, language.code));
    } catch (error) {
      if (!(error instanceof FlowError)) throw error;
      problems.push(...error.problems);
    }
  }
  if (problems.length > 0) throw new FlowError(problems);
  return { english: byLanguage.get(ENGLISH)!, byLanguage, languages, gaps };
}
