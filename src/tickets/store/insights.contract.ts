import type { InsightRow, TicketStore } from '../ticketStore';

const DAY = 24 * 3600 * 1000;
const T0 = Date.parse('2025-03-04T10:00:00.000Z');

function row(conversation: string, at: number, kind: string): InsightRow {
  return { conversation, at, fact: JSON.stringify({ kind }) };
}

/**
 * The insight events, as every ticket store must keep them beside its tickets. Each store's test
 * file calls it with a way to open a store on a fresh database (the database is emptied between
 * tests); two stores it opens see the same data.
 */
export function insightLogContract(open: () => TicketStore | Promise<TicketStore>): void {
  test('insight events appended come back between two times, oldest first, equal times in the order appended', async () => {
    const store = await open();
    await store.insights.append([row('a', T0 + 2000, 'turn'), row('a', T0, 'turn'), row('b', T0 + 1000, 'entered')]);
    await store.insights.append([row('b', T0 + 1000, 'fallback'), row('a', T0 + 1000, 'resolved')]);
    await store.insights.append([{ conversation: 'c', at: T0 + 1000, fact: '{"kind":"csat","score":5}' }]);

    expect(await (await open()).insights.between(T0, T0 + 2000)).toEqual([
      row('a', T0, 'turn'),
      row('b', T0 + 1000, 'entered'),
      row('b', T0 + 1000, 'fallback'),
      row('a', T0 + 1000, 'resolved'),
      { conversation: 'c', at: T0 + 1000, fact: '{"kind":"csat","score":5}' },
      row('a', T0 + 2000, 'turn'),
    ]);
  });

  test('appending no insight events does nothing', async () => {
    const store = await open();
    await store.insights.append([]);
    expect(await store.insights.between(0, Number.MAX_SAFE_INTEGER)).toEqual([]);
    await store.insights.append([row('a', T0, 'turn')]);
    await store.insights.append([]);
    expect(await store.insights.between(0, Number.MAX_SAFE_INTEGER)).toEqual([row('a', T0, 'turn')]);
  });

  test('insight events outside the two times are left out; both times are included', async () => {
    const store = await open();
    await store.insights.append([T0 - 1, T0, T0 + 500, T0 + 1000, T0 + 1001].map((at) => row('a', at, 'turn')));
    expect((await store.insights.between(T0, T0 + 1000)).map((r) => r.at)).toEqual([T0, T0 + 500, T0 + 1000]);
    expect(await store.insights.between(T0 + 2000, T0 + 3000)).toEqual([]);
    expect(await store.insights.between(T0 + 1000, T0)).toEqual([]);
  });

  test('retention deletes insight events from before the date and keeps the newer ones, counting only tickets', async () => {
    const store = await open();
    const cutoff = T0 + 90 * DAY;
    await store.insights.append([row('old', T0, 'turn'), row('old', cutoff - 1, 'escalated'), row('new', cutoff, 'turn'), row('new', cutoff + DAY, 'csat')]);
    expect(await store.purgeOlderThan(new Date(cutoff))).toEqual({ tickets: 0, undelivered: 0 });
    expect(await (await open()).insights.between(0, Number.MAX_SAFE_INTEGER)).toEqual([row('new', cutoff, 'turn'), row('new', cutoff + DAY, 'csat')]);
  });
}
