import { createLogger } from '../log';
import { createInsightsRecorder } from './insightsRecorder';

const log = createLogger('silent');
const at = new Date('2026-11-30T10:00:00Z');

describe('the insights are kept in batches no candidate waits for', () => {
  it('many turns in a moment are stored in one append, after the moment', async () => {
    const appends: number[] = [];
    const recorder = createInsightsRecorder({ append: async (rows) => void appends.push(rows.length), log, flushMs: 20 });
    await recorder.record('conversation/webchat/a', [{ kind: 'turn' }, { kind: 'resolved' }], at);
    await recorder.record('conversation/webchat/b', [{ kind: 'turn' }], at);
    expect(appends).toEqual([]);
    await new Promise((resolve) => setTimeout(resolve, 60));
    expect(appends).toEqual([3]);
  });

  it('flush stores what is buffered at once (before the database closes); nothing buffered, no append', async () => {
    const appends: number[] = [];
    const recorder = createInsightsRecorder({ append: async (rows) => void appends.push(rows.length), log, flushMs: 10_000 });
    await recorder.flush();
    expect(appends).toEqual([]);
    await recorder.record('conversation/webchat/a', [{ kind: 'turn' }], at);
    await recorder.flush();
    expect(appends).toEqual([1]);
  });

  it('a batch the database refuses is dropped and logged; the next one is stored', async () => {
    const stored: number[] = [];
    let fail = true;
    const recorder = createInsightsRecorder({
      append: async (rows) => {
        if (fail) throw new Error('SQLITE_BUSY');
        stored.push(rows.length);
      },
      log,
      flushMs: 10_000,
    });
    await recorder.record('conversation/webchat/a', [{ kind: 'turn' }], at);
    await expect(recorder.flush()).resolves.toBeUndefined();
    fail = false;
    await recorder.record('conversation/webchat/a', [{ kind: 'turn' }, { kind: 'turn' }], at);
    await recorder.flush();
    expect(stored).toEqual([2]);
  });
});
