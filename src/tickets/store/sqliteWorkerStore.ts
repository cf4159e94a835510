import { existsSync } from 'node:fs';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import { StorageOpenError } from '../../storage/sqliteWorkerStore';
import type { DeliveryQueue } from './deliveryRows';
import { TicketDraft } from '../ticket';
import type { TicketCall, TicketThreadReply } from './sqliteWorkerProtocol';
import type { InsightLog, TicketStore } from '../ticketStore';
import type { TicketStoreOptions } from './sqlite';

interface Pending {
  resolve(value: unknown): void;
  reject(error: Error): void;
}

/**
 * The SQLite ticket store (SqliteTicketStore) on a thread of its own, with the same contract.
 *
 * better-sqlite3 is synchronous: on the bot's thread, a ticket waiting for another process's lock on
 * tickets.sqlite (up to the busy timeout) would stall every conversation and the health check. Here
 * the bot's thread hands the call over and carries on; calls run one at a time in the order sent.
 */
export class SqliteTicketWorkerStore implements TicketStore {
  readonly file: string;
  readonly deliveries: DeliveryQueue;
  readonly insights: InsightLog;
  private readonly worker: Worker;
  private readonly pending = new Map<number, Pending>();
  private nextId = 1;
  private stopped: Error | undefined;
  private failure: Error | undefined;

  /** Opens the store and waits until the database is usable: a file that can't be opened fails start-up here. */
  static async open(settings: Omit<TicketStoreOptions, 'now'>): Promise<SqliteTicketWorkerStore> {
    const store = new SqliteTicketWorkerStore(settings);
    await store.ready;
    return store;
  }

  private readonly ready: Promise<void>;

  private constructor(settings: Omit<TicketStoreOptions, 'now'>) {
    this.file = settings.file;
    this.worker = new Worker(workerScript(), { workerData: settings, resourceLimits: { maxYoungGenerationSizeMb: 8 } });
    // An idle store doesn't keep the process alive; a call in flight does (see call()).
    this.worker.unref();
    this.ready = new Promise<void>((resolve, reject) => {
      this.worker.on('message', (reply: TicketThreadReply) => {
        if (reply.type === 'ready') resolve();
        else if (reply.type === 'failed') {
          reject(this.fail(new StorageOpenError(reply.message)));
          void this.worker.terminate();
        } else this.settle(reply);
      });
      this.worker.on('error', (error) => reject(this.fail(new Error(`Ticket database thread failed: ${error.message}`))));
      this.worker.on('exit', (code) => reject(this.fail(new Error(`Ticket database thread exited with code ${code}`))));
    });
    this.ready.catch(() => undefined);
    const rows = (method: keyof DeliveryQueue) => (...args: unknown[]) => this.call('deliveries', method, args);
    this.deliveries = {
      claimDue: rows('claimDue'),
      markDelivered: rows('markDelivered'),
      markFailed: rows('markFailed'),
      forTicket: rows('forTicket'),
      pending: rows('pending'),
      oldestPending: rows('oldestPending'),
    } as DeliveryQueue;
    this.insights = {
      append: (events) => this.call('insights', 'append', [events]),
      between: (from, to) => this.call('insights', 'between', [from, to]),
    };
  }

  /** Why tickets can no longer be saved (the thread crashed), unless the store was closed on purpose. */
  get failed(): Error | undefined {
    return this.failure;
  }

  // A draft of the wrong shape is refused here, so the ZodError reaches the caller as it is.
  openTicket: TicketStore['openTicket'] = async (draft, sinks) => this.call('store', 'openTicket', [TicketDraft.parse(draft), [...sinks]]);
  openedSince: TicketStore['openedSince'] = (...args) => this.call('store', 'openedSince', args);
  activeTicket: TicketStore['activeTicket'] = (...args) => this.call('store', 'activeTicket', args);
  get: TicketStore['get'] = (...args) => this.call('store', 'get', args);
  list: TicketStore['list'] = (...args) => this.call('store', 'list', args);
  deliveryStatus: TicketStore['deliveryStatus'] = (...args) => this.call('store', 'deliveryStatus', args);
  lifecycle: TicketStore['lifecycle'] = (...args) => this.call('store', 'lifecycle', args);
  changeLifecycle: TicketStore['changeLifecycle'] = (...args) => this.call('store', 'changeLifecycle', args);
  claimRequest: TicketStore['claimRequest'] = (...args) => this.call('store', 'claimRequest', args);
  registerRecruiterChannel: TicketStore['registerRecruiterChannel'] = (...args) => this.call('store', 'registerRecruiterChannel', args);
  unregisterRecruiterChannel: TicketStore['unregisterRecruiterChannel'] = (...args) => this.call('store', 'unregisterRecruiterChannel', args);
  recruiterChannels: TicketStore['recruiterChannels'] = () => this.call('store', 'recruiterChannels', []);
  purgeOlderThan: TicketStore['purgeOlderThan'] = (...args) => this.call('store', 'purgeOlderThan', args);

  /** Waits for the calls already sent, closes the database, and ends the thread. */
  async close(): Promise<void> {
    if (this.stopped) return;
    const closing = this.call<void>('store', 'close', []);
    this.stopped = new Error(`Ticket database ${this.file} is closed`);
    await closing;
    await this.worker.terminate();
  }

  private call<T>(target: TicketCall['target'], method: string, args: unknown[]): Promise<T> {
    if (this.stopped) return Promise.reject(this.stopped);
    const id = this.nextId++;
    return new Promise<T>((resolve, reject) => {
      if (this.pending.size === 0) this.worker.ref();
      this.pending.set(id, { resolve: resolve as (value: unknown) => void, reject });
      try {
        this.worker.postMessage({ id, target, method, args } satisfies TicketCall);
      } catch (error) {
        this.settle({ type: 'answer', id, error: { name: 'TypeError', message: `SqliteTicketWorkerStore.${method}: ${(error as Error).message}` } });
      }
    });
  }

  private settle(answer: Extract<TicketThreadReply, { type: 'answer' }>): void {
    const waiting = this.pending.get(answer.id);
    this.pending.delete(answer.id);
    if (this.pending.size === 0) this.worker.unref();
    if (!answer.error) return waiting?.resolve(answer.value);
    const error = answer.error.name === 'TypeError' ? new TypeError(answer.error.message) : new Error(answer.error.message);
    if (error.name !== answer.error.name) error.name = answer.error.name;
    waiting?.reject(error);
  }

  /** The thread can't serve any more: calls in flight and all later ones fail with `reason`. */
  private fail(reason: Error): Error {
    if (this.stopped) return this.stopped;
    this.stopped = reason;
    this.failure = reason;
    for (const waiting of this.pending.values()) waiting.reject(reason);
    this.pending.clear();
    return reason;
  }
}

/** The worker runs compiled JavaScript: the file beside this one once built, or the build's copy under ts-jest. */
function workerScript(): string {
  const beside = path.join(__dirname, 'sqliteWorker.js');
  return existsSync(beside) ? beside : path.join(__dirname, '../../../dist/src/tickets/store/sqliteWorker.js');
}
