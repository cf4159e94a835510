import { decideTurnInLanguage, type Engines } from '../engine/decideTurnInLanguage';
import type { CandidateInput, Effect, OpenTicket, Reply, SavedConversation } from '../engine/types';
import type { KeyValueStore } from '../storage/keyValueStore';
import { KeyedQueue } from './keyedQueue';
import { fillValues } from './replyValues';
import { appendTurn, candidateSaid, linesOf, needsPersonalDataNotice, transcriptKey, type TranscriptLine } from './transcript';
import type { TurnOrigin } from './turnOrigin';
import type { Diagnosis } from '../links';
import { turnEvents, type InsightFact } from '../insights';
import { positionName } from '../flow/position';

export interface TurnOutcome {
  /** Ready to send: placeholders such as `{ticketId}` are filled. */
  replies: Reply[];
  effects: Effect[];
  /** Where the candidate is now, for logs and tests (a state id, never candidate text). */
  state: string;
}

/**
 * Performs a turn's effects before its state is saved and returns values its replies name
 * (`{ ticketId: "CS-000123" }`, in the conversation's `language`). `transcript` is the conversation up to the candidate's message.
 * Each effect must be idempotent: a turn that loses a write race runs again on the fresh state.
 */
export type PerformEffects = (effects: Effect[], origin: TurnOrigin, transcript: TranscriptLine[], language: string) => Promise<Record<string, string>>;

export interface TurnRunnerOptions {
  engines: Engines;
  store: KeyValueStore;
  performEffects: PerformEffects;
  /** Reads the interview link in a message (src/links/: cleaned, unwrapped, judged, maybe asked live); none when it has no link. */
  readLink?: (text: string) => Promise<Diagnosis | undefined>;
  /**
   * Keeps what the turn tells the insights (src/insights/: nodes entered, fallback, outcome; no personal data),
   * once the turn is saved. It must not throw: the insights never cost a candidate their turn.
   */
  recordInsights?: (conversationKey: string, facts: InsightFact[], at: Date) => Promise<void>;
  /** The conversation's ticket still being worked on; asked only of conversations that opened one. */
  openTicketOf?: (conversationKey: string) => Promise<OpenTicket | undefined>;
  /** How often a turn that lost a write race is re-run on the fresh state. */
  maxAttempts?: number;
  now?: () => Date;
}

/** Never a stored eTag (ours are numbers), so a first save conflicts if another instance saved first. */
const NEW_CONVERSATION_ETAG = 'new-conversation';

/**
 * Runs one turn against stored state: load, step, perform the effects, save. The state advances
 * only once its effects succeeded: a ticket that can't be opened leaves the candidate where they
 * were, answers and all, so sending again retries it (tickets are idempotent per conversation and
 * problem, so a crash between the ticket and the save opens none twice). The save carries the eTag
 * it read, so a turn that raced another writer re-runs on the fresh state instead of overwriting it;
 * turns of one conversation in this process queue behind each other.
 */
export function createTurnRunner({ engines, store, performEffects, readLink, recordInsights, openTicketOf, maxAttempts = 5, now = () => new Date() }: TurnRunnerOptions) {
  const queue = new KeyedQueue();

  async function attempt(origin: TurnOrigin, input: CandidateInput): Promise<TurnOutcome> {
    const { key } = origin;
    const items = await store.read([key, transcriptKey(key)]);
    const stored = items[key] as (SavedConversation & { eTag?: string }) | undefined;
    const { eTag, ...saved } = stored ?? {};
    const at = now().toISOString();
    const said = candidateSaid(input, at);
    // The engine reads what the transcript keeps: a phone number typed beside the problem never reaches a ticket.
    const read = said.hidden && input.kind === 'text' && said.text !== undefined ? { ...input, text: said.text } : input;
    // Looked up here, so the engine stays pure: what the candidate writes next may be for the recruiter.
    const ticket = stored?.openedTicket && (input.kind === 'text' || input.kind === 'choice') ? await openTicketOf?.(key) : undefined;
    const result = decideTurnInLanguage(engines, stored ? (saved as SavedConversation) : undefined, read, { locale: origin.locale, ticket });
    const before = items[transcriptKey(key)];
    const values = result.effects.length > 0 ? await performEffects(result.effects, origin, linesOf(appendTurn(before, said, [], at)), result.language) : {};
    // Said first: the last reply carries the buttons, and channels show them only under the last message.
    const notice = needsPersonalDataNotice(before, said) ? [{ text: engines.byLanguage.get(result.language)!.flow.guide.personalDataHidden }] : [];
    const replies = [...notice, ...fillValues(result.replies, values)];
    const transcript = appendTurn(before, said, replies, at);
    // One batch: the transcript never records a turn whose state was not saved. A brand-new
    // conversation has no eTag yet; '*' or none would overwrite a racing first turn on another
    // instance, so it sends one no stored item has: the write succeeds only while the key is absent.
    await store.write({ [key]: { ...result.state, eTag: eTag ?? NEW_CONVERSATION_ETAG }, [transcriptKey(key)]: transcript });
    if (recordInsights) {
      const flow = engines.byLanguage.get(result.language)!.flow;
      await recordInsights(key, turnEvents(flow, stored ? (saved as SavedConversation) : undefined, result.state, input, result.effects, said.text), new Date(at));
    }
    return { replies, effects: result.effects, state: positionName(result.state.snapshot.value) };
  }

  return {
    run: function runTurn(origin: TurnOrigin, given: CandidateInput): Promise<TurnOutcome> {
      return queue.run(origin.key, async () => {
        // In the queue, so messages keep their order; once, so a retry doesn't ask the platform again.
        const link = given.kind === 'text' ? await readLink?.(given.text) : undefined;
        const input = link?.url && given.kind === 'text' ? { ...given, link } : given;
        for (let tries = 1; ; tries++) {
          try {
            return await attempt(origin, input);
          } catch (error) {
            if (!isConflict(error) || tries >= maxAttempts) throw error;
          }
        }
      });
    },
    /** Erases a conversation's saved state ("delete my data"). */
    forget: (key: string) => queue.run(key, () => store.delete([key, transcriptKey(key)])),
    drain: () => queue.drain(),
  };
}

export type TurnRunner = ReturnType<typeof createTurnRunner>;

/** Our stores throw ETagConflictError; botbuilder's Azure stores report HTTP 412. */
function isConflict(error: unknown): boolean {
  if (!(error instanceof Error)) return false;
  return error.name === 'ETagConflictError' || (error as { statusCode?: number }).statusCode === 412;
}

/** The storage key of a conversation: one per channel conversation. */
export function conversationKey(channelId: string, conversationId: string): string {
  return `conversation/${channelId}/${conversationId}`;
}
