import { step, type Engine } from '../engine/step';
import type { CandidateInput, Effect, Reply, SavedConversation } from '../engine/types';
import type { KeyValueStore } from '../storage/keyValueStore';
import { KeyedQueue } from './keyedQueue';
import { appendTurn, transcriptKey } from './transcript';
import { positionName } from '../flow/position';

export interface TurnOutcome {
  replies: Reply[];
  effects: Effect[];
  /** Where the candidate is now, for logs and tests (a state id, never candidate text). */
  state: string;
}

export interface TurnRunnerOptions {
  engine: Engine;
  store: KeyValueStore;
  /** How often a turn that lost a write race is re-run on the fresh state. */
  maxAttempts?: number;
  now?: () => Date;
}

/** Never a stored eTag (ours are numbers), so a first save conflicts if another instance saved first. */
const NEW_CONVERSATION_ETAG = 'new-conversation';

/**
 * Runs one turn against stored state: load, step, save. The save carries the eTag it read, so a
 * turn that raced another writer (another instance) re-runs on the fresh state instead of
 * overwriting it; turns of one conversation in this process queue behind each other.
 */
export function createTurnRunner({ engine, store, maxAttempts = 5, now = () => new Date() }: TurnRunnerOptions) {
  const queue = new KeyedQueue();

  async function attempt(key: string, input: CandidateInput): Promise<TurnOutcome> {
    const items = await store.read([key, transcriptKey(key)]);
    const stored = items[key] as (SavedConversation & { eTag?: string }) | undefined;
    const { eTag, ...saved } = stored ?? {};
    const result = step(engine, stored ? (saved as SavedConversation) : undefined, input);
    const transcript = appendTurn(items[transcriptKey(key)], input, result.replies, now().toISOString());
    // One batch: the transcript never records a turn whose state was not saved. A brand-new
    // conversation has no eTag yet; '*' or none would overwrite a racing first turn on another
    // instance, so it sends one no stored item has: the write succeeds only while the key is absent.
    await store.write({ [key]: { ...result.state, eTag: eTag ?? NEW_CONVERSATION_ETAG }, [transcriptKey(key)]: transcript });
    return { replies: result.replies, effects: result.effects, state: positionName(result.state.snapshot.value) };
  }

  return {
    run: function runTurn(key: string, input: CandidateInput): Promise<TurnOutcome> {
      return queue.run(key, async () => {
        for (let tries = 1; ; tries++) {
          try {
            return await attempt(key, input);
          } catch (error) {
            if (!isConflict(error) || tries >= maxAttempts) throw error;
          }
        }
      });
    },
    /** Erases a conversation's saved state ("delete my data"). */
    forget: (key: string) => queue.run(key, () => store.delete([key, transcriptKey(key)])),
    transcript: async (key: string) => (await store.read([transcriptKey(key)]))[transcriptKey(key)],
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
