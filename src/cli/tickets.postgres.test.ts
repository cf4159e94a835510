import { describeWithPostgres, startTestPostgres, type TestPostgres } from '../../test/support/postgres';
import { createPostgresPool } from '../storage/postgresPool';
import { migratePostgres } from '../storage/postgresSchema';
import { POSTGRES_MIGRATIONS } from '../postgresMigrations';
import { PostgresStore } from '../storage/postgresStore';
import { aDraft, manualClock } from '../tickets/fixtures/drafts';
import { PostgresTicketStore } from '../tickets/store/postgres';
import { runTicketsCli } from './tickets';

const DAY = 24 * 60 * 60 * 1000;
let db: TestPostgres;

async function run(...argv: string[]): Promise<{ code: number; output: string }> {
  let output = '';
  const env = { STORAGE: 'postgres', DATABASE_URL: db.url };
  const code = await runTicketsCli(argv, { env, out: (text) => (output += text), now: () => new Date('2025-06-12T10:00:00.000Z') });
  return { code, output };
}

describeWithPostgres('tickets CLI with STORAGE=postgres', () => {
  beforeAll(async () => {
    db = await startTestPostgres();
    const pool = createPostgresPool(db.url);
    await migratePostgres(pool, POSTGRES_MIGRATIONS);
    const clock = manualClock();
    const tickets = new PostgresTicketStore({ pool, now: clock.now });
    await tickets.openTicket(aDraft({ conversationKey: 'old' }), ['webhook']);
    await new PostgresStore({ pool, now: () => clock.ms() }).write({ 'conversation/old': { step: 1 } });
    clock.advance(100 * DAY);
    await tickets.openTicket(aDraft({ conversationKey: 'new', topic: 'camera-microphone' }), ['webhook']);
    await tickets.changeLifecycle('CS-000002', { events: [{ at: clock.now().toISOString(), by: 'Sam Recruiter', type: 'status-changed', status: 'in-progress' }], status: 'in-progress' });
    await pool.end();
  }, 60_000);
  afterAll(async () => {
    await db?.stop();
  });

  test('an operator of a scaled-out bot lists, reads and purges the tickets in PostgreSQL', async () => {
    expect((await run('list')).output).toMatch(/CS-000002.*camera-microphone\s+in-progress[\s\S]*CS-000001.*page-wont-load\s+open/);
    expect((await run('show', 'CS-000002')).output).toMatch(/Status: in-progress[\s\S]*bot: created[\s\S]*Sam Recruiter: status → in-progress/);
    expect((await run('show', 'CS-000001')).output).toContain('Ticket CS-000001');
    expect(JSON.parse((await run('purge', '--days', '90', '--json')).output)).toMatchObject({ tickets: 1, conversationItems: 1 });
    expect((await run('list')).output).not.toContain('CS-000001');
  });

  test('STORAGE=postgres without DATABASE_URL is a usage error', async () => {
    await expect(runTicketsCli(['list'], { env: { STORAGE: 'postgres' }, out: () => undefined })).rejects.toThrow(/DATABASE_URL/);
  });
});
