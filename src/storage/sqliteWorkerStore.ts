import { existsSync } from 'node:fs';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import { ETagConflictError, type KeyValueStore, type StoreItems } from './keyValueStore';
import type { WorkerAnswer, WorkerReply, WorkerRequest, WorkerSettings } from './sqliteWorkerProtocol';

/** The state database could not be opened: a file from a newer build, a network filesystem… the operator's to fix. */
export class StorageOpenError extends Error {
  override readonly name = 'StorageOpenError';
}

export interface SqliteWorkerEvents {
  /** The thread stopped serving after it had opened the file (it crashed); told once. Opening failures reject `ready`. */
  onFailure?(error: Error): void;
}

interface Pending {
  resolve(value: unknown): void;
  reject(error: Error): void;
}

/** A request before it is numbered (Omit over each kind of request, not over their union). */
type Request = WorkerRequest extends infer Each ? (Each extends WorkerRequest ? Omit<Each, 'id'> : never) : never;

/**
 * The SQLite conversation store (SqliteStore) on a thread of its own, with the same contract.
 *
 * Loading and saving state is a fifth of a turn's work, and better-sqlite3 does it synchronously:
 * on the bot's thread every commit, and every checkpoint's fsync, would hold up all other
 * conversations. Here the bot's thread only hands the request over and carries on; the second core
 * does the SQLite work. Requests run one at a time in the order sent, as they did in-thread.
 */
export class SqliteWorkerStore implements KeyValueStore {
  readonly file: string;
  /** Settles once the file is open and migrated; rejects with why it could not be. */
  readonly ready: Promise<void>;
  private readonly worker: Worker;
  private readonly pending = new Map<number, Pending>();
  private nextId = 1;
  /** Requests waiting for the end of this turn of the event loop (see flush). */
  private batch: WorkerRequest[] = [];
  private stopped: Error | undefined;
  private failure: Error | undefined;
  private opened = false;

  /** Opens the store and waits until the database is usable: a file that can't be opened fails start-up here. */
  static async open(settings: WorkerSettings, events: SqliteWorkerEvents = {}): Promise<SqliteWorkerStore> {
    const store = new SqliteWorkerStore(settings, events);
    await store.ready;
    return store;
  }

  constructor(
    settings: WorkerSettings,
    private readonly events: SqliteWorkerEvents = {},
  ) {
    this.file = settings.file;
    this.worker = new Worker(workerScript(), {
      workerData: settings,
      // The thread only handles small, short-lived requests: a small young generation keeps its
      // memory ~30 MB lower (V8 otherwise grows it to the default, 16 MB per semi-space).
      resourceLimits: { maxYoungGenerationSizeMb: 8 },
    });
    // An idle store doesn't keep the process alive; a request in flight does (see request()).
    this.worker.unref();
    this.ready = new Promise<void>((resolve, reject) => {
      this.worker.on('message', (reply: WorkerReply) => {
        if (reply.type === 'ready') {
          this.opened = true;
          resolve();
        }
        else if (reply.type === 'failed') {
          reject(this.fail(new StorageOpenError(reply.message)));
          void this.worker.terminate();
        } else {
          for (const answer of reply.answers) this.settle(answer.id, 'error' in answer ? { error: toError(answer.error) } : answer);
        }
      });
      this.worker.on('error', (error) => reject(this.fail(new Error(`State database thread failed: ${error.message}`))));
      this.worker.on('exit', (code) => reject(this.fail(new Error(`State database thread exited with code ${code}`))));
    });
    // Callers learn of a failure from ready (open) or from the call that meets it.
    this.ready.catch(() => undefined);
  }

  read(keys: string[]): Promise<StoreItems> {
    return this.request<StoreItems>({ op: 'read', keys });
  }

  write(changes: StoreItems): Promise<void> {
    return this.request<void>({ op: 'write', changes });
  }

  delete(keys: string[]): Promise<void> {
    return this.request<void>({ op: 'delete', keys });
  }

  /** Deletes items not written since `before` (retention); returns how many. */
  deleteOlderThan(before: Date): Promise<number> {
    return this.request<number>({ op: 'deleteOlderThan', before });
  }

  count(): Promise<number> {
    return this.request<number>({ op: 'count' });
  }

  /** Waits for the requests already sent, closes the database, and ends the thread. */
  async close(): Promise<void> {
    if (this.stopped) return;
    const closing = this.request<void>({ op: 'close' });
    // Refuse new requests; those already sent are answered before the close.
    this.stopped = new Error(`State database ${this.file} is closed`);
    await closing;
    await this.worker.terminate();
  }

  private request<T>(request: Request): Promise<T> {
    if (this.stopped) return Promise.reject(this.stopped);
    const id = this.nextId++;
    return new Promise<T>((resolve, reject) => {
      if (this.pending.size === 0) this.worker.ref();
      this.pending.set(id, { resolve: resolve as (value: unknown) => void, reject });
      if (this.batch.length === 0) setImmediate(this.flush);
      this.batch.push({ ...request, id } as WorkerRequest);
    });
  }

  /** Sends what this turn of the event loop asked for, in order, as one message. */
  private readonly flush = () => {
    const batch = this.batch;
    this.batch = [];
    try {
      this.worker.postMessage(batch);
    } catch {
      // Only plain data crosses threads: one item holding a function or a class instance fails the
      // batch, so each request goes alone and only that one is refused.
      for (const request of batch) {
        try {
          this.worker.postMessage([request]);
        } catch (error) {
          this.settle(request.id, { error: new TypeError(`SqliteWorkerStore.${request.op}: ${error instanceof Error ? error.message : String(error)}`) });
        }
      }
    }
  };

  /** Ends a request; once none is waiting, the idle thread no longer keeps the process alive. */
  private settle(id: number, outcome: { value: unknown } | { error: Error }): void {
    const waiting = this.pending.get(id);
    this.pending.delete(id);
    if (this.pending.size === 0) this.worker.unref();
    if ('error' in outcome) waiting?.reject(outcome.error);
    else waiting?.resolve(outcome.value);
  }

  /** Why the store can no longer save anything, unless it was closed on purpose. */
  get failed(): Error | undefined {
    return this.failure;
  }

  /** The thread can't serve any more: requests in flight and all later ones fail with `reason`. */
  private fail(reason: Error): Error {
    if (this.stopped) return this.stopped;
    this.stopped = reason;
    this.failure = reason;
    for (const waiting of this.pending.values()) waiting.reject(reason);
    this.pending.clear();
    if (this.opened) this.events.onFailure?.(reason);
    return reason;
  }
}

function toError(error: Extract<WorkerAnswer, { error: unknown }>['error']): Error {
  if (error.conflict) return new ETagConflictError(error.conflict.key, error.conflict.expectedETag, error.conflict.storedETag);
  const rebuilt = error.name === 'TypeError' ? new TypeError(error.message) : new Error(error.message);
  if (rebuilt.name !== error.name) rebuilt.name = error.name;
  return rebuilt;
}

/**
 * The worker runs compiled JavaScript: the file beside this one once built, or the build's copy
 * when tests run these TypeScript sources (`npm test` builds first).
 */
function workerScript(): string {
  const beside = path.join(__dirname, 'sqliteWorker.js');
  return existsSync(beside) ? beside : path.join(__dirname, '../../dist/src/storage/sqliteWorker.js');
}
