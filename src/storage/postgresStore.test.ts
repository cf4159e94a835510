import { Pool } from 'pg';
import { describeWithPostgres, startTestPostgres, type TestPostgres } from '../../test/support/postgres';
import { ETagConflictError } from './keyValueStore';
import { keyValueStoreContract } from './keyValueStore.contract';
import { createPostgresPool } from './postgresPool';
import { POSTGRES_MIGRATIONS } from '../postgresMigrations';
import { migratePostgres } from './postgresSchema';
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
    await migratePostgres(pool, POSTGRES_MIGRATIONS);
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
      await Promise.all(pools.map((pool) => migratePostgres(pool, POSTGRES_MIGRATIONS)));
      const { rows } = await pool.query('SELECT version FROM schema_migrations ORDER BY version');
      expect(rows.map((r) => r.version)).toEqual(Array.from({ length: POSTGRES_MIGRATIONS.length }, (_, i) => i + 1));
    } finally {
      await Promise.all(pools.map((p) => p.end()));
    }
  });

  describe('the conversation store contract', () => keyValueStoreContract(open));

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
