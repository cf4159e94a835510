import { ENGLISH, type Language } from '../flow';
import { positionOf, type FlowStateValue } from '../flow/position';
import { decideTurn, type Engine } from './decideTurn';
import { decideTurnWithLink } from './pastedLink';
import { decideTurnWithSatisfaction } from './satisfaction';
import { withoutLinks } from '../links';
import { matchLanguage } from '../languages';
import { languageAskedFor, languageList, type IdentifyLanguage } from './conversationLanguage';
import { formQuestion } from './formQuestions';
import { renderState } from './render';
import { restore } from './restore';
import type { FormNode } from '../flow/schema';
import type { CandidateInput, OpenTicket, Reply, SavedConversation, TurnDecision } from './types';

/** The engine in every language the bot speaks, and how to tell a message's language. */
export interface Engines {
  /** By language code ("es", "pt-BR"), English included. */
  byLanguage: ReadonlyMap<string, Engine>;
  languages: readonly Language[];
  identify: IdentifyLanguage;
}

export interface TurnContext {
  /** The channel's locale (`activity.locale`): the language of a conversation's first words. */
  locale?: string;
  ticket?: OpenTicket;
}

/**
 * One turn in the candidate's language, pure. The language is the conversation's (at first the
 * channel's locale), unless the candidate asks for another ("English please", "en español") or
 * writes clearly in another one the bot speaks. A language it doesn't speak is answered once, in
 * English, with the ones it does. The turn itself is `decideTurn` with that language's flow.
 */
export function decideTurnInLanguage(
  engines: Engines,
  saved: SavedConversation | undefined,
  input: CandidateInput,
  { locale, ticket }: TurnContext = {},
): TurnDecision & { language: string } {
  const known = (code: string | undefined) => (code !== undefined && engines.byLanguage.has(code) ? code : undefined);
  const engineIn = (code: string) => engines.byLanguage.get(code)!;
  let language = known(saved?.language) ?? known(locale ? matchLanguage(locale, [...engines.byLanguage.keys()]) : undefined) ?? ENGLISH;

  if (input.kind === 'text') {
    const asked = languageAskedFor(input.text, engines.languages);
    if (asked && known(asked.language)) {
      const engine = engineIn(asked.language);
      // Inside the form a message answers a question: "can we continue in english?" is the request alone.
      if (asked.only || inForm(saved)) return answerIn(engine, asked.language, saved);
      // "English please, my camera won't start": the whole message read in the language asked for;
      // if nothing in it but the request can be placed ("kann ich auch auf deutsch schreiben?"), only the switch.
      const result = step(engine, saved, input, ticket);
      if (result.state.misses > (saved?.misses ?? 0)) return answerIn(engine, asked.language, saved);
      const replies = asked.language === language ? result.replies : [{ text: engine.flow.guide.languages.changed }, ...result.replies];
      return { ...result, replies, state: { ...result.state, language: asked.language }, language: asked.language };
    }
    if (!answeringFormField(saved)) {
      // A link's letters are in no language: "https://app.hirevire.com/…" never switches one.
      const guess = engines.identify(withoutLinks(input.text), language);
      if (guess.unsupported && !saved?.toldLanguages) return otherLanguage(engines, engineIn(language), language, saved);
      language = known(guess.language) ?? language;
    }
  }

  const result = step(engineIn(language), saved, input, ticket);
  return { ...result, state: { ...result.state, language }, language };
}

/** A turn: the satisfaction question around the link doctor around the guide (`decideTurn`). */
function step(engine: Engine, saved: SavedConversation | undefined, input: CandidateInput, ticket?: OpenTicket): TurnDecision {
  return decideTurnWithSatisfaction(decideTurnWithLink, engine, saved, input, ticket);
}

function inForm(saved: SavedConversation | undefined): boolean {
  return saved !== undefined && positionOf(saved.snapshot.value).part !== undefined;
}

/** A name, an address, a job title or a company is in no language: "Zalando SE" never switches one. */
function answeringFormField(saved: SavedConversation | undefined): boolean {
  const part = saved && positionOf(saved.snapshot.value).part;
  return part !== undefined && part.startsWith('ask-');
}

/** "En español, por favor": said in the new language, then where the candidate is, again in it. */
function answerIn(engine: Engine, language: string, saved: SavedConversation | undefined): TurnDecision & { language: string } {
  if (!saved) {
    const started = decideTurn(engine, undefined, { kind: 'start' });
    return { ...started, state: { ...started.state, language }, language };
  }
  const { flow } = engine;
  const { snapshot } = restore(flow, saved);
  const replies: Reply[] = [{ text: flow.guide.languages.changed }, ...whereTheyAre(engine, snapshot.value as FlowStateValue, snapshot.context)];
  return { state: { ...saved, language }, replies, effects: [], language };
}

/** Once, in English: the languages the bot speaks, with the buttons of where the candidate is. */
function otherLanguage(engines: Engines, engine: Engine, language: string, saved: SavedConversation | undefined): TurnDecision & { language: string } {
  const english = engines.byLanguage.get(ENGLISH)!.flow;
  const base = saved ?? { ...decideTurn(engine, undefined, { kind: 'start' }).state, welcomed: false };
  const { snapshot } = restore(engine.flow, base);
  const here = whereTheyAre(engine, snapshot.value as FlowStateValue, snapshot.context);
  const choices = here[here.length - 1]?.choices;
  const text = english.guide.languages.unsupported.replaceAll('{languages}', languageList(engines.languages));
  return { state: { ...base, language, toldLanguages: true }, replies: [{ text, ...(choices && { choices }) }], effects: [], language };
}

/** The current step's words; inside the escalation form, only the question being asked. */
function whereTheyAre(engine: Engine, state: FlowStateValue, context: Parameters<typeof renderState>[2]): Reply[] {
  const { node, part } = positionOf(state);
  const at = engine.flow.nodes.get(node)?.node;
  if (at?.type === 'form' && part) return formQuestion(at as FormNode, part, context, engine.flow.guide.deviceNames);
  return renderState(engine.flow, state, context);
}
