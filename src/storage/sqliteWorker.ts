import { parentPort, workerData } from 'node:worker_threads';
import { ETagConflictError } from './keyValueStore';
import { SqliteStore } from './sqliteStore';
import type { WorkerAnswer, WorkerReply, WorkerRequest, WorkerSettings } from './sqliteWorkerProtocol';

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

port.on('message', async (batch: WorkerRequest[]) => {
  if (!store) return;
  const answers: WorkerAnswer[] = [];
  for (const request of batch) {
    try {
      answers.push({ id: request.id, value: await perform(store, request) });
    } catch (error) {
      answers.push({ id: request.id, error: describe(error) });
    }
  }
  port.postMessage({ type: 'answers', answers } satisfies WorkerReply);
  if (batch.some((request) => request.op === 'close')) port.close();
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

function describe(error: unknown): Extract<WorkerAnswer, { error: unknown }>['error'] {
  if (error instanceof ETagConflictError) {
    return { name: error.name, message: error.message, conflict: { key: error.key, expectedETag: error.expectedETag, storedETag: error.storedETag } };
  }
  if (error instanceof Error) return { name: error.name, message: error.message };
  return { name: 'Error', message: String(error) };
}
