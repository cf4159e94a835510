import type { StoreItems } from './keyValueStore';

/** What the state database thread is opened with (functions, such as a clock, can't cross threads). */
export interface WorkerSettings {
  file: string;
  busyTimeoutMs?: number;
}

/** A request to the state database thread; `id` pairs it with its reply. */
export type WorkerRequest = { id: number } & (
  | { op: 'read'; keys: string[] }
  | { op: 'write'; changes: StoreItems }
  | { op: 'delete'; keys: string[] }
  | { op: 'deleteOlderThan'; before: Date }
  | { op: 'count' }
  | { op: 'close' }
);

/** How one request ended. */
export type WorkerAnswer =
  | { id: number; value: unknown }
  | { id: number; error: { name: string; message: string; conflict?: { key: string; expectedETag: string; storedETag: string } } };

/**
 * Requests travel in batches (everything the bot asked for in one turn of its event loop) and so do
 * their answers: one message each way instead of one per request.
 */
export type WorkerReply = { type: 'ready' } | { type: 'failed'; message: string } | { type: 'answers'; answers: WorkerAnswer[] };
