import { parentPort, workerData } from 'node:worker_threads';
import { SqliteTicketStore, type TicketStoreOptions } from './sqlite';
import type { TicketCall, TicketThreadReply } from './sqliteWorkerProtocol';

/**
 * The thread that owns tickets.sqlite (see SqliteTicketWorkerStore): one SqliteTicketStore, one call
 * at a time, in the order sent. Here better-sqlite3's waits (another process's lock, up to the busy
 * timeout; a checkpoint's fsync) hold up this thread, never the bot's.
 */
const port = parentPort!;
let store: SqliteTicketStore | undefined;
try {
  store = new SqliteTicketStore(workerData as Omit<TicketStoreOptions, 'now'>);
  port.postMessage({ type: 'ready' } satisfies TicketThreadReply);
} catch (error) {
  port.postMessage({ type: 'failed', message: error instanceof Error ? error.message : String(error) } satisfies TicketThreadReply);
}

port.on('message', async (call: TicketCall) => {
  if (!store) return;
  try {
    const target = (call.target === 'deliveries' ? store.deliveries : call.target === 'insights' ? store.insights : store) as unknown as Record<
      string,
      (...args: unknown[]) => unknown
    >;
    const method = target[call.method];
    if (typeof method !== 'function') throw new TypeError(`no ticket store method ${call.target}.${call.method}`);
    const value = await method.apply(target, call.args);
    port.postMessage({ type: 'answer', id: call.id, value } satisfies TicketThreadReply);
  } catch (error) {
    const { name, message } = error instanceof Error ? error : { name: 'Error', message: String(error) };
    port.postMessage({ type: 'answer', id: call.id, error: { name, message } } satisfies TicketThreadReply);
  }
  if (call.method === 'close' && call.target === 'store') port.close();
});
