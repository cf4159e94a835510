import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openSqliteStore, type SqliteStore } from '../src/storage/sqliteStore';
import type { StoreItems } from '../src/storage/keyValueStore';
import { Candidate } from './support/candidate';
import { startBotProcess } from './support/botProcess';
import { startTestBot, type TestBot } from './support/testBot';

/** The real SQLite store, with a switch that makes writes fail as a full or broken disk would. */
class FailingWrites {
  failNext = 0;
  constructor(private readonly store: SqliteStore) {}
  read(keys: string[]) {
    return this.store.read(keys);
  }
  async write(changes: StoreItems) {
    if (this.failNext > 0) {
      this.failNext -= 1;
      throw Object.assign(new Error('SQLITE_FULL: database or disk is full'), { code: 'SQLITE_FULL' });
    }
    return this.store.write(changes);
  }
  delete(keys: string[]) {
    return this.store.delete(keys);
  }
  close() {
    this.store.close();
  }
}

describe('a failed state write', () => {
  let bot: TestBot;
  let store: FailingWrites;
  beforeAll(async () => {
    const dir = mkdtempSync(join(tmpdir(), 'faults-'));
    store = new FailingWrites(openSqliteStore(dir));
    bot = await startTestBot({ DATA_DIR: dir }, { store });
  });
  afterAll(() => bot.close());

  test('gets the candidate an apology, and sending again works from where they were', async () => {
    const candidate = new Candidate(bot.url);
    await candidate.says('the page wont load');
    expect(candidate.text).toMatch(/typos/i);

    store.failNext = 1;
    await candidate.says('no');
    expect(candidate.text).toMatch(/something went wrong on my side/i);

    await candidate.says('no');
    expect(candidate.text).toMatch(/Chrome and Safari/);
  });
});

describe('stopping the server', () => {
  test('SIGTERM lets the turn in flight finish and answer, then exits cleanly', async () => {
    const bot = await startBotProcess({ DATA_DIR: mkdtempSync(join(tmpdir(), 'sigterm-')) });
    const candidate = new Candidate(bot.url);
    const answer = candidate.says('my link says 404');
    const exited = new Promise<number | null>((resolve) => bot.child.once('exit', (code) => resolve(code)));
    setTimeout(() => bot.child.kill('SIGTERM'), 20);
    await answer;
    expect(candidate.text).toMatch(/mistyped|copied/i);
    expect(await exited).toBe(0);
  });
});
