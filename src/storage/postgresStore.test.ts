import { Pool } from 'pg';
import { describeWithPostgres, startTestPostgres, type TestPostgres } from '../../test/support/postgres';
import { ETagConflictError } from './keyValueStore';
import { createPostgresPool } from './postgresPool';
import { migratePostgres, POSTGRES_SCHEMA_VERSION } from './postgresSchema';
import { PostgresStore } from './postgresStore';

let db: TestPostgres;
let pool: Pool;
let clock = 1_700_000_000_000;

function open(): PostgresStore {
  return new PostgresStore({ pool, now: () => clock });
}

const candidateState = { flowVersion: 3, snapshot: { value: 'camera-microphone', context: { attempts: 1 } } };

describeWithPostgres('PostgresStore', () => {
  beforeAll(async () => {
    db = await startTestPostgres();
    pool = createPostgresPool(db.url);
    await migratePostgres(pool);
  }, 60_000);
  afterAll(async () => {
    await pool?.end();
    await db?.stop();
  });
  beforeEach(async () => {
    await pool.query('DELETE FROM state');
  });

  test('two instances starting at once both migrate without error, and the schema is applied once', async () => {
    const pools = [createPostgresPool(db.url), createPostgresPool(db.url), createPostgresPool(db.url)];
    try {
      await Promise.all(pools.map(migratePostgres));
      const { rows } = await pool.query('SELECT version FROM schema_migrations ORDER BY version');
      expect(rows.map((r) => r.version)).toEqual(Array.from({ length: POSTGRES_SCHEMA_VERSION }, (_, i) => i + 1));
    } finally {
      await Promise.all(pools.map((p) => p.end()));
    }
  });

  test('reading returns only the conversations that were saved', async () => {
    const store = open();
    await store.write({ a: candidateState });
    expect(await store.read(['a', 'missing'])).toEqual({ a: { ...candidateState, eTag: expect.any(String) } });
    expect(await store.read([])).toEqual({});
  });

  test('every save gives the conversation a new eTag, and saving with the eTag just read succeeds', async () => {
    const store = open();
    await store.write({ c: { step: 1 } });
    const first = (await store.read(['c'])).c;
    await store.write({ c: { ...first, step: 2 } });
    const second = (await store.read(['c'])).c;
    expect(second).toEqual({ step: 2, eTag: expect.any(String) });
    expect(second.eTag).not.toBe(first.eTag);
  });

  test('two writers with the same eTag: the second gets a conflict and nothing of its batch is written', async () => {
    const turnA = open();
    const turnB = open();
    await turnA.write({ c: { step: 'start' } });
    const seenByA = (await turnA.read(['c'])).c;
    const seenByB = (await turnB.read(['c'])).c;
    await turnA.write({ c: { ...seenByA, step: 'from A' } });
    const conflict = turnB.write({ 'other-conversation': { step: 'from B' }, c: { ...seenByB, step: 'from B' } });
    await expect(conflict).rejects.toBeInstanceOf(ETagConflictError);
    await expect(conflict).rejects.toMatchObject({ key: 'c' });
    expect(await turnB.read(['c', 'other-conversation'])).toEqual({ c: { step: 'from A', eTag: expect.any(String) } });
  });

  test('of many writers racing with the same eTag, exactly one succeeds', async () => {
    const store = open();
    await store.write({ c: { step: 'start' } });
    const seen = (await store.read(['c'])).c;
    const results = await Promise.allSettled(Array.from({ length: 8 }, (_, i) => open().write({ c: { ...seen, step: `writer ${i}` } })));
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    expect(results.filter((r) => r.status === 'rejected' && r.reason instanceof ETagConflictError)).toHaveLength(7);
  });

  test('two first writes of a new conversation racing with a "new item" eTag: exactly one is saved, the other conflicts', async () => {
    const results = await Promise.allSettled([open().write({ n: { by: 'A', eTag: 'new' } }), open().write({ n: { by: 'B', eTag: 'new' } })]);
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    const rejected = results.find((r) => r.status === 'rejected') as PromiseRejectedResult;
    expect(rejected.reason).toBeInstanceOf(ETagConflictError);
  });

  test.each([
    ['eTag *', { eTag: '*' }],
    ['no eTag', {}],
    ['an empty eTag', { eTag: '' }],
  ])('a write with %s overwrites', async (_name, eTagField) => {
    const store = open();
    await store.write({ c: { step: 'first' } });
    await store.write({ c: { step: 'second' } });
    await store.write({ c: { step: 'overwritten', ...eTagField } });
    expect((await store.read(['c'])).c.step).toBe('overwritten');
  });

  test('saving a conversation that is not stored succeeds whatever eTag it carries', async () => {
    const store = open();
    await store.write({ c: { step: 'new', eTag: '12345' } });
    expect((await store.read(['c'])).c.step).toBe('new');
  });

  test('deleting a conversation removes it and leaves the others', async () => {
    const store = open();
    await store.write({ gone: candidateState, kept: candidateState });
    await store.delete(['gone', 'never-existed']);
    expect(Object.keys(await store.read(['gone', 'kept']))).toEqual(['kept']);
    expect(await store.count()).toBe(1);
  });

  test('a writer holding an eTag from before a delete cannot overwrite the conversation saved afterwards', async () => {
    const store = open();
    await store.write({ c: { step: 'old' } });
    const stale = (await store.read(['c'])).c;
    await store.delete(['c']);
    await store.write({ c: { step: 'restarted' } });
    await expect(store.write({ c: { ...stale, step: 'stale' } })).rejects.toBeInstanceOf(ETagConflictError);
    expect((await store.read(['c'])).c.step).toBe('restarted');
  });

  test('a value read and then mutated does not change what is stored', async () => {
    const store = open();
    await store.write({ c: { nested: { n: 1 } } });
    const read = (await store.read(['c'])).c;
    read.nested.n = 2;
    expect((await store.read(['c'])).c.nested.n).toBe(1);
  });

  test("writing does not change the caller's object", async () => {
    const store = open();
    const item = { step: 1, eTag: '*' };
    await store.write({ c: item });
    expect(item).toEqual({ step: 1, eTag: '*' });
  });

  test('conversations not saved within the retention period are deleted; newer ones are kept', async () => {
    const store = open();
    clock = 1_000;
    await store.write({ old: candidateState });
    clock = 5_000;
    await store.write({ recent: candidateState });
    expect(await store.deleteOlderThan(new Date(2_000))).toBe(1);
    expect(Object.keys(await store.read(['old', 'recent']))).toEqual(['recent']);
  });
});
