import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { insightLogContract } from './insights.contract';
import { SqliteTicketStore, TICKETS_FILE } from './sqlite';
import { SqliteTicketWorkerStore } from './sqliteWorkerStore';
import type { TicketStore } from '../ticketStore';

let dir: string;
const opened: TicketStore[] = [];

async function open(): Promise<TicketStore> {
  const store = await SqliteTicketWorkerStore.open({ file: path.join(dir, TICKETS_FILE) });
  opened.push(store);
  return store;
}

beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ticket-worker-store-'));
});

afterEach(async () => {
  for (const store of opened.splice(0)) await store.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('insight events, with tickets.sqlite on its own thread', () => {
  insightLogContract(open);

  test('what the thread appended is in the file, for the store opened in this thread', async () => {
    const worker = await open();
    const rows = [
      { conversation: 'tag-1', at: 1_000, fact: '{"kind":"turn"}' },
      { conversation: 'tag-1', at: 1_000, fact: '{"kind":"escalated","how":"ticket"}' },
    ];
    await worker.insights.append(rows);
    expect(await worker.insights.between(0, 2_000)).toEqual(rows);
    await worker.close();
    const direct = new SqliteTicketStore({ file: path.join(dir, TICKETS_FILE) });
    try {
      expect(await direct.insights.between(1_000, 1_000)).toEqual(rows);
    } finally {
      await direct.close();
    }
  });
});
