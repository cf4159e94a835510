// Behaviour that needs a second OS process: lock contention and surviving kill -9.
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { SqliteStore } from './sqliteStore';
import { batchFor } from './fixtures/writeUntilKilled';

const fixtures = path.join(__dirname, 'fixtures');

let dir: string;
let file: string;
let store: SqliteStore | undefined;

beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sqlite-store-proc-'));
  file = path.join(dir, 'bot.sqlite');
});

afterEach(() => {
  store?.close();
  store = undefined;
  fs.rmSync(dir, { recursive: true, force: true });
});

function runFixture(script: string, args: string[]): ChildProcess {
  return spawn(process.execPath, ['-r', path.join(fixtures, 'requireTypeScript.js'), path.join(fixtures, script), ...args], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
}

/** Calls onLine for each stdout line; resolves with the exit code or signal when the process ends. */
function linesUntilExit(child: ChildProcess, onLine: (line: string) => void): Promise<number | NodeJS.Signals> {
  let pending = '';
  child.stdout!.setEncoding('utf8').on('data', (chunk: string) => {
    const lines = (pending + chunk).split('\n');
    pending = lines.pop()!;
    lines.forEach(onLine);
  });
  return new Promise((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (code, signal) => resolve(signal ?? code ?? -1));
  });
}

/** Starts holdWriteLock.ts and resolves once the child holds the write lock. */
async function holdWriteLock(holdMs: number): Promise<{ exited: Promise<number | NodeJS.Signals> }> {
  const child = runFixture('holdWriteLock.ts', [file, String(holdMs)]);
  let locked!: () => void;
  const lockTaken = new Promise<void>((resolve) => (locked = resolve));
  const exited = linesUntilExit(child, (line) => line === 'locked' && locked());
  await Promise.race([lockTaken, exited.then((end) => Promise.reject(new Error(`lock holder ended early: ${end}`)))]);
  return { exited };
}

test('a busy database waits instead of failing', async () => {
  store = new SqliteStore({ file, busyTimeoutMs: 5000 });
  const holder = await holdWriteLock(500);

  const started = performance.now();
  await store.write({ c: { step: 'saved while another process held the lock' } });
  const waitedMs = performance.now() - started;

  expect(waitedMs).toBeGreaterThan(50);
  expect((await store.read(['c'])).c.step).toBe('saved while another process held the lock');
  expect(await holder.exited).toBe(0);
});

test('a database locked for longer than the busy timeout fails with SQLITE_BUSY rather than hanging', async () => {
  store = new SqliteStore({ file, busyTimeoutMs: 50 });
  const holder = await holdWriteLock(500);

  await expect(store.write({ c: { step: 'x' } })).rejects.toMatchObject({ code: 'SQLITE_BUSY' });
  expect(await holder.exited).toBe(0);
  expect(await store.read(['c'])).toEqual({});
});

test('after kill -9, every batch the writer reported committed is there, and no batch is half-written', async () => {
  new SqliteStore({ file }).close(); // create the schema before the race starts
  const child = runFixture('writeUntilKilled.ts', [file]);
  const reported: number[] = [];
  const ended = linesUntilExit(child, (line) => {
    reported.push(Number(line));
    if (reported.length === 300) child.kill('SIGKILL');
  });
  expect(await ended).toBe('SIGKILL');

  store = new SqliteStore({ file });
  const lastReported = reported[reported.length - 1]!;
  const candidates = Array.from({ length: lastReported + 50 }, (_, i) => i);
  const found = await store.read(candidates.flatMap((i) => Object.keys(batchFor(i))));

  for (const i of reported) {
    expect(found).toMatchObject(batchFor(i));
  }
  for (const i of candidates) {
    const halves = Object.keys(batchFor(i)).filter((key) => key in found);
    expect([0, 2]).toContain(halves.length);
  }
});
