import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Writable } from 'node:stream';
import { createLogger } from './log';
import { openStores, type Stores } from './openStores';

let dir: string;
let storage: Stores | undefined;

beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'open-storage-'));
});

afterEach(async () => {
  await storage?.close();
  storage = undefined;
  fs.rmSync(dir, { recursive: true, force: true });
});

test('SQLite storage reports no problem while it works, and the stopped state thread once it stops, logging it', async () => {
  const lines: { level: number; msg: string }[] = [];
  const sink = new Writable({
    write(chunk: Buffer, _encoding, done) {
      lines.push(JSON.parse(chunk.toString()) as { level: number; msg: string });
      done();
    },
  });
  storage = await openStores({ STORAGE: 'sqlite', DATA_DIR: path.join(dir, 'data'), DATABASE_URL: undefined }, createLogger('info', sink));
  await storage.state.write({ c: { step: 1 } });
  expect(storage.problems()).toEqual([]);

  await (storage.state as unknown as { worker: { terminate(): Promise<number> } }).worker.terminate();
  await expect(storage.state.read(['c'])).rejects.toThrow();
  expect(storage.problems()).toEqual([expect.stringMatching(/^state database: State database thread exited/)]);
  expect(lines.filter((line) => line.level === 50).map((line) => line.msg)).toEqual(['state database stopped: no turn can be saved until a restart']);
});
