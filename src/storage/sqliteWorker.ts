import { parentPort, workerData } from 'node:worker_threads';
import { ETagConflictError } from './keyValueStore';
import { SqliteStore } from './sqliteStore';
import type { WorkerReply, WorkerRequest, WorkerSettings } from './sqliteWorkerProtocol';

/**
 * The thread that owns the state database (see SqliteWorkerStore): one SqliteStore, one request at
 * a time, in the order they were sent. better-sqlite3 is synchronous, so here its waits (a commit's
 * write, a checkpoint's fsync, another process's lock) hold up this thread, never the bot's.
 */
const port = parentPort!;
const settings = workerData as WorkerSettings;
let store: SqliteStore | undefined;
try {
  store = new SqliteStore(settings);
  port.postMessage({ type: 'ready' } satisfies WorkerReply);
} catch (error) {
  port.postMessage({ type: 'failed', message: error instanceof Error ? error.message : String(error) } satisfies WorkerReply);
}

port.on('message', async (request: WorkerRequest) => {
  if (!store) return;
  try {
    const value = await perform(store, request);
    port.postMessage({ type: 'result', id: request.id, value } satisfies WorkerReply);
  } catch (error) {
    port.postMessage({ type: 'error', id: request.id, error: describe(error) } satisfies WorkerReply);
  }
  if (request.op === 'close') port.close();
});

function perform(opened: SqliteStore, request: WorkerRequest): unknown {
  switch (request.op) {
    case 'read':
      return opened.read(request.keys);
    case 'write':
      return opened.write(request.changes);
    case 'delete':
      return opened.delete(request.keys);
    case 'deleteOlderThan':
      return opened.deleteOlderThan(request.before);
    case 'count':
      return opened.count();
    case 'close':
      return opened.close();
  }
}

function describe(error: unknown): Extract<WorkerReply, { type: 'error' }>['error'] {
  if (error instanceof ETagConflictError) {
    return { name: error.name, message: error.message, conflict: { key: error.key, expectedETag: error.expectedETag, storedETag: error.storedETag } };
  }
  if (error instanceof Error) return { name: error.name, message: error.message };
  return { name: 'Error', message: String(error) };
}
