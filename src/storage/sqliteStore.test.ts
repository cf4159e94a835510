import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { keyValueStoreContract } from './keyValueStore.contract';
import { SCHEMA_VERSION } from './sqliteSchema';
import { openSqliteStore, SqliteStore, type SqliteStoreOptions } from './sqliteStore';

let dir: string;
let file: string;
const opened: Array<{ close(): void }> = [];

function open(options: Omit<SqliteStoreOptions, 'file'> = {}): SqliteStore {
  const store = new SqliteStore({ file, ...options });
  opened.push(store);
  return store;
}

function rawRow(key: string): { etag: number; value: string; updated_at: number } | undefined {
  const db = new Database(file, { readonly: true });
  try {
    return db.prepare('SELECT etag, value, updated_at FROM state WHERE key = ?').get(key) as
      | { etag: number; value: string; updated_at: number }
      | undefined;
  } finally {
    db.close();
  }
}

const candidateState = { flowVersion: 3, snapshot: { value: 'camera-microphone', context: { attempts: 1 } } };

beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sqlite-store-'));
  file = path.join(dir, 'bot.sqlite');
});

afterEach(() => {
  for (const store of opened.splice(0)) store.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

test('a conversation saved before a restart is there after reopening the file', async () => {
  const before = open();
  await before.write({ 'conversation-1': candidateState });
  before.close();
  opened.pop();

  const after = open();
  expect(await after.read(['conversation-1'])).toEqual({
    'conversation-1': { ...candidateState, eTag: expect.any(String) },
  });
});

describe('the conversation store contract', () => keyValueStoreContract(() => open()));

test('deleting conversations lowers the count', async () => {
  const store = open();
  await store.write({ gone: candidateState, kept: candidateState });
  await store.delete(['gone', 'never-existed']);
  expect(store.count()).toBe(1);
});

test('a value mutated after it was written does not change what is stored', async () => {
  const store = open();
  const written = structuredClone(candidateState);
  await store.write({ c: written });
  written.snapshot.context.attempts = 99;
  expect((await store.read(['c'])).c.snapshot.context.attempts).toBe(1);
});

test('the eTag is kept in its own column, not inside the stored JSON, and updated_at comes from the clock', async () => {
  const store = open({ now: () => 1_700_000_000_000 });
  await store.write({ c: { ...candidateState, eTag: '*' } });
  const { eTag } = (await store.read(['c'])).c;
  const row = rawRow('c')!;
  expect(JSON.parse(row.value)).toEqual(candidateState);
  expect(String(row.etag)).toBe(eTag);
  expect(row.updated_at).toBe(1_700_000_000_000);
});

test('a second connection sees committed writes', async () => {
  const writer = open();
  const reader = open();
  await writer.write({ c: candidateState });
  expect((await reader.read(['c'])).c).toEqual({ ...candidateState, eTag: expect.any(String) });
  await writer.delete(['c']);
  expect(await reader.read(['c'])).toEqual({});
});

test('the database file uses WAL journaling and the current schema version', () => {
  open();
  const db = new Database(file, { readonly: true });
  try {
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('user_version', { simple: true })).toBe(SCHEMA_VERSION);
  } finally {
    db.close();
  }
});

test('a database from a newer build is refused with a message saying what to do', () => {
  const db = new Database(file);
  db.pragma(`user_version = ${SCHEMA_VERSION + 1}`);
  db.close();
  expect(() => open()).toThrow(/newer than this build understands.*Run a newer build/);
});

test('openSqliteStore creates the data directory and the file in it', async () => {
  const dataDir = path.join(dir, 'nested', 'data');
  const store = openSqliteStore(dataDir);
  opened.push(store);
  await store.write({ c: candidateState });
  expect(store.file).toBe(path.join(dataDir, 'bot.sqlite'));
  expect(fs.existsSync(store.file)).toBe(true);
});

test.each([
  ['null', null],
  ['a string', 'state'],
  ['an array', [1, 2]],
])('writing %s instead of an object is refused, naming the key, and nothing is written', async (_name, item) => {
  const store = open();
  await expect(store.write({ fine: { step: 1 }, 'bad-key': item })).rejects.toThrow(/"bad-key" must be a plain object/);
  expect(store.count()).toBe(0);
});

test('count and sizeBytes grow as conversations are saved', async () => {
  const store = open();
  const emptySize = store.sizeBytes();
  for (let i = 0; i < 200; i++) await store.write({ [`conversation-${i}`]: candidateState });
  expect(store.count()).toBe(200);
  expect(store.sizeBytes()).toBeGreaterThan(emptySize);
});

test('a file written by the previous build (eTag counter, schema 2) opens with its conversations, which save as before', async () => {
  const db = new Database(file);
  db.exec(`CREATE TABLE state (key TEXT PRIMARY KEY NOT NULL, etag INTEGER NOT NULL, value TEXT NOT NULL, updated_at INTEGER NOT NULL);
           CREATE TABLE etag_counter (id INTEGER PRIMARY KEY CHECK (id = 1), last INTEGER NOT NULL);
           INSERT INTO etag_counter (id, last) VALUES (1, 7);`);
  db.prepare('INSERT INTO state (key, etag, value, updated_at) VALUES (?, ?, ?, ?)').run('c', 7, JSON.stringify(candidateState), 1);
  db.pragma('user_version = 2');
  db.close();

  const store = open();
  const { c } = await store.read(['c']);
  expect(c).toEqual({ ...candidateState, eTag: '7' });
  await store.write({ c: { ...candidateState, misses: 1, eTag: '7' } });
  await expect(store.write({ c: { ...candidateState, eTag: '7' } })).rejects.toThrow(/eTag/i);
  expect((await store.read(['c'])).c).toMatchObject({ misses: 1 });
});
