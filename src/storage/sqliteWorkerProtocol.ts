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

export type WorkerReply =
  | { type: 'ready' }
  | { type: 'failed'; message: string }
  | { type: 'result'; id: number; value: unknown }
  | {
      type: 'error';
      id: number;
      error: { name: string; message: string; conflict?: { key: string; expectedETag: string; storedETag: string } };
    };
