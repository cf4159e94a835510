import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { keyValueStoreContract } from './keyValueStore.contract';
import { SCHEMA_VERSION } from './sqliteSchema';
import { SqliteStore } from './sqliteStore';
import { SqliteWorkerStore, StorageOpenError } from './sqliteWorkerStore';

let dir: string;
let file: string;
const opened: SqliteWorkerStore[] = [];

function open(): SqliteWorkerStore {
  const store = new SqliteWorkerStore({ file });
  opened.push(store);
  return store;
}

const candidateState = { flowVersion: 3, snapshot: { value: 'camera-microphone', context: { attempts: 1 } } };

beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sqlite-worker-store-'));
  file = path.join(dir, 'bot.sqlite');
});

afterEach(async () => {
  await Promise.all(opened.splice(0).map((store) => store.close()));
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('the conversation store contract, with the database on its own thread', () => keyValueStoreContract(() => open()));

test('what the thread saved is in the file, for the same store opened in this thread', async () => {
  const store = open();
  await store.write({ c: candidateState });
  await store.close();
  const direct = new SqliteStore({ file });
  try {
    expect(await direct.read(['c'])).toEqual({ c: { ...candidateState, eTag: expect.any(String) } });
  } finally {
    direct.close();
  }
});

test('requests are answered in the order they were sent, a save before the read that follows it', async () => {
  const store = open();
  const writes = Array.from({ length: 50 }, (_, i) => store.write({ c: { step: i } }));
  const read = store.read(['c']);
  await Promise.all(writes);
  expect((await read).c.step).toBe(49);
});

test('retention deletes what was not saved since the cut-off, and counts it', async () => {
  const store = open();
  await store.write({ a: candidateState, b: candidateState });
  expect(await store.count()).toBe(2);
  expect(await store.deleteOlderThan(new Date(Date.now() + 60_000))).toBe(2);
  expect(await store.count()).toBe(0);
});

test('an item that is not plain data is refused with a TypeError and nothing is saved', async () => {
  const store = open();
  await expect(store.write({ c: { step: 1, callback: () => 1 } })).rejects.toThrow(TypeError);
  await expect(store.write({ c: 'not an object' })).rejects.toThrow(/"c" must be a plain object/);
  expect(await store.read(['c'])).toEqual({});
});

test('requests sent together each get their own answer, even when one of them cannot be stored', async () => {
  const store = open();
  const [saved, refused, conflicting, read] = await Promise.allSettled([
    store.write({ a: candidateState }),
    store.write({ b: { step: 1, callback: () => 1 } }),
    store.write({ a: { ...candidateState, eTag: 'stale' } }),
    store.read(['a', 'b']),
  ]);
  expect(saved.status).toBe('fulfilled');
  expect(refused).toMatchObject({ status: 'rejected', reason: expect.any(TypeError) });
  expect(conflicting).toMatchObject({ status: 'rejected', reason: { name: 'ETagConflictError', key: 'a' } });
  expect(read).toMatchObject({ status: 'fulfilled', value: { a: { ...candidateState, eTag: expect.any(String) } } });
});

test('a database from a newer build stops start-up with a message saying what to do, and no request hangs', async () => {
  const db = new Database(file);
  db.pragma(`user_version = ${SCHEMA_VERSION + 1}`);
  db.close();
  const told: Error[] = [];
  const opening = SqliteWorkerStore.open({ file }, { onFailure: (error) => told.push(error) });
  await expect(opening).rejects.toBeInstanceOf(StorageOpenError);
  await expect(opening).rejects.toThrow(/newer than this build understands.*Run a newer build/);
  // Start-up reports it; it is not an outage of a running bot.
  expect(told).toEqual([]);

  const store = open();
  await expect(store.read(['c'])).rejects.toThrow(/newer than this build/);
});

test('after close, requests are refused with a message naming the file', async () => {
  const store = open();
  await store.write({ c: candidateState });
  await store.close();
  await expect(store.read(['c'])).rejects.toThrow(/bot\.sqlite is closed/);
});

test('an idle store does not keep the process alive: the thread is unreferenced between requests', async () => {
  const store = open();
  await store.ready;
  await store.write({ c: candidateState });
  // A referenced worker would be among the handles keeping Node's event loop running.
  const workers = (process as unknown as { _getActiveHandles(): object[] })._getActiveHandles().filter((handle) => handle.constructor.name === 'MessagePort');
  expect(workers).toHaveLength(0);
});

test('when the thread dies, waiting and later requests fail with why, and the failure is told once', async () => {
  const told: Error[] = [];
  const store = new SqliteWorkerStore({ file }, { onFailure: (error) => told.push(error) });
  opened.push(store);
  await store.write({ c: candidateState });
  const waiting = store.read(['c']);
  // Stands in for a crash of the thread (an uncaught error, a failed native call).
  await (store as unknown as { worker: { terminate(): Promise<number> } }).worker.terminate();
  await expect(waiting).rejects.toThrow(/State database thread exited/);
  await expect(store.write({ c: candidateState })).rejects.toThrow(/State database thread exited/);
  expect(store.failed?.message).toMatch(/exited/);
  expect(told).toHaveLength(1);
});

test('a store closed on purpose is not a failure', async () => {
  const told: Error[] = [];
  const store = new SqliteWorkerStore({ file }, { onFailure: (error) => told.push(error) });
  await store.write({ c: candidateState });
  await store.close();
  expect(store.failed).toBeUndefined();
  expect(told).toEqual([]);
});
