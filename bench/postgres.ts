import { performance } from 'node:perf_hooks';
import { Pool } from 'pg';
import { idleCandidates, PlanQueue, runClosedLoop, TurnLog, type Target } from './driver';
import type { LoopbackClient } from './httpClient';
import type { Plan } from './plans';
import { scratchDir, SERVER_ENTRY, startBot, type ServerProcess } from './processes';
import { round, summarize, type LatencySummary } from './stats';

/**
 * Scale-out on PostgreSQL: the same closed-loop load on one bot instance, then on two instances
 * sharing one database, with every turn sent to the next instance in turn (as a load balancer
 * without session affinity would), so each conversation moves between instances at every message.
 *
 * Hook into bench/run.ts (after the steady-load scenarios):
 *   const databaseUrl = process.env.BENCH_DATABASE_URL;
 *   if (databaseUrl) {
 *     const rows = await postgresScaleOut(databaseUrl, plans, { candidates: 100, warmupMs: 3_000, ms: 10_000 }, say('postgres'));
 *     // report: markdownTable(rows.map(postgresRow)) or results.postgres = rows
 *   }
 * The database is emptied before each measurement: point BENCH_DATABASE_URL at a scratch database.
 */

export interface PostgresLoad {
  /** Simulated candidates in all, split evenly over the instances. */
  candidates: number;
  warmupMs: number;
  ms: number;
}

export interface PostgresScaleRow {
  instances: number;
  turns: number;
  seconds: number;
  turnsPerSecond: number;
  latencyMs: LatencySummary;
  errors: number;
  divergences: number;
  tickets: number;
  problems: string[];
}

export async function postgresScaleOut(
  databaseUrl: string,
  plans: readonly Plan[],
  load: PostgresLoad,
  progress: (line: string) => void = () => undefined,
): Promise<PostgresScaleRow[]> {
  const rows: PostgresScaleRow[] = [];
  for (const instances of [1, 2]) {
    await emptyDatabase(databaseUrl);
    const servers = await Promise.all(Array.from({ length: instances }, () => startPostgresBot(databaseUrl)));
    try {
      const target: Target = { name: `postgres x${instances}`, client: roundRobin(servers.map((s) => s.client)), checksReplies: true };
      const queue = new PlanQueue(plans);
      const sessions = idleCandidates(load.candidates);
      await runClosedLoop(target, sessions, queue, performance.now() + load.warmupMs, new TurnLog());
      await target.client.warm(load.candidates);
      const log = new TurnLog();
      const started = performance.now();
      await runClosedLoop(target, sessions, queue, started + load.ms, log);
      const seconds = (performance.now() - started) / 1000;
      const latency = summarize(log.latencies);
      const row: PostgresScaleRow = {
        instances,
        turns: log.latencies.length,
        seconds: round(seconds),
        turnsPerSecond: round(log.latencies.length / seconds),
        latencyMs: { p50: round(latency.p50), p95: round(latency.p95), p99: round(latency.p99), max: round(latency.max) },
        errors: log.errors,
        divergences: log.divergences,
        tickets: log.tickets,
        problems: log.problems,
      };
      rows.push(row);
      progress(`${instances} instance${instances === 1 ? '' : 's'}: ${row.turnsPerSecond} turns/s, p50 ${row.latencyMs.p50} ms, p99 ${row.latencyMs.p99} ms, ${row.errors} errors, ${row.divergences} divergences`);
    } finally {
      await Promise.all(servers.map((s) => s.stop()));
    }
  }
  return rows;
}

/** One line of the report's table. */
export function postgresRow(row: PostgresScaleRow): Record<string, string | number> {
  return {
    instances: row.instances,
    'turns/s': row.turnsPerSecond,
    'p50 ms': row.latencyMs.p50,
    'p99 ms': row.latencyMs.p99,
    errors: row.errors,
    divergences: row.divergences,
  };
}

/** A client that sends each request to the next server: no session affinity at all. */
function roundRobin(clients: readonly LoopbackClient[]): LoopbackClient {
  let next = 0;
  return {
    ...clients[0]!,
    post: (path, body) => clients[next++ % clients.length]!.post(path, body),
    warm: async (count) => {
      await Promise.all(clients.map((c) => c.warm(Math.ceil(count / clients.length))));
    },
    close: () => clients.forEach((c) => c.close()),
  };
}

async function emptyDatabase(databaseUrl: string): Promise<void> {
  const pool = new Pool({ connectionString: databaseUrl });
  try {
    const { rows } = await pool.query<{ present: boolean }>("SELECT to_regclass('state') IS NOT NULL AS present");
    if (rows[0]?.present) await pool.query('TRUNCATE state, tickets, outbox, recruiter_channels');
  } finally {
    await pool.end();
  }
}

/** The real server with STORAGE=postgres, started like every other benchmarked bot (processes.ts). */
function startPostgresBot(databaseUrl: string): Promise<ServerProcess> {
  return startBot('postgres', scratchDir('data'), SERVER_ENTRY, {
    STORAGE: 'postgres',
    DATABASE_URL: databaseUrl,
    // The benchmark's candidates are many; the per-conversation flood limit is not what is measured.
    RATE_LIMIT_BURST: '1000',
    RATE_LIMIT_PER_SECOND: '1000',
  });
}
