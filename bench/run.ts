import { mkdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';
import type { Target } from './driver';
import type { LoadResult } from './loadResult';
import { readOptions } from './options';
import { planConversations, type Plan } from './plans';
import { prepopulate } from './prepopulate';
import { REPO_ROOT, removeScratchDirs, scratchDir, startBot, startEchoBot, type ServerProcess } from './processes';
import { markdownReport, markdownTable } from './report';
import { postgresScaleOut } from './postgres';
import type { BenchResults, MemoryReading } from './results';
import { alternate } from './scenarios/alternate';
import { burst } from './scenarios/burst';
import { coldStart } from './scenarios/coldStart';
import { escalations } from './scenarios/escalations';
import { buildEngine, timeClassification, timeEngineStep } from './scenarios/inProcess';
import { soak } from './scenarios/soak';
import { round } from './stats';
import { measureStoredSize } from './storedSize';
import { checkTargets } from './targets';

/**
 * `npm run bench [-- --quick]`: the real server and a bare botbuilder echo bot, each its own process
 * on loopback, driven by simulated candidates from this process. See docs/BENCHMARKS.md.
 */
async function main(argv: string[]): Promise<void> {
  const options = readOptions(argv);
  const startedAt = new Date();
  const started = performance.now();
  const say = (scenario: string) => (line: string) => process.stderr.write(`[bench ${scenario}] ${line}\n`);
  // Whatever is still running when a scenario throws is stopped in `finally`.
  const running: ServerProcess[] = [];
  const start = async (starting: Promise<ServerProcess>) => {
    const server = await starting;
    running.push(server);
    return server;
  };
  const stop = async (server: ServerProcess) => {
    running.splice(running.indexOf(server), 1);
    await server.stop();
  };

  try {
    say('setup')(`${options.mode} run on ${os.cpus().length} cores`);
    // In-process first, while nothing else competes for the cores.
    const { engine, engines, ms: buildMs } = buildEngine();
    const classification = timeClassification(engine, options.classificationRepetitions);
    say('classification')(`p50 ${classification.ms.p50} ms, p99 ${classification.ms.p99} ms over ${classification.calls} calls`);
    const plans = planConversations(engines, { count: options.plans, escalationShare: options.escalationShare });
    const escalating = planConversations(engines, { count: options.escalations.conversations, escalationShare: 1, seed: 13 });
    const step = timeEngineStep(engines, plans.slice(0, 300));
    say('engine')(`step p50 ${step.ms.p50} ms, p99 ${step.ms.p99} ms`);

    const cold = await coldStart(options.coldStartRuns, plans[0]!.turns[0]!);
    say('cold start')(`listening after ${cold.listeningMs} ms, first turn answered after ${cold.firstTurnMs} ms (medians)`);

    const bot = await start(startBot('bot'));
    const echo = await start(startEchoBot());
    await sleep(1500);
    const before = { bot: reading(bot), echo: reading(echo) };
    const pair = [served(bot, true), served(echo, false)];

    // Problems are shown as each scenario ends, so a long run that goes wrong says so early.
    const check = (scenario: string, loads: LoadResult[]) => {
      for (const load of loads) {
        if (load.errors + load.divergences > 0) say(scenario)(`${load.errors} failed turns, ${load.divergences} off the plan, e.g.:\n  ${load.problems.join('\n  ')}`);
      }
    };
    const steady = await alternate(pair, plans, options.steady, say('steady'));
    check('steady', Object.values(steady.results));
    const steadyBot = steady.results.bot!;
    const steadyEcho = steady.results.echo!;
    const bursts = await burst(pair, plans, options.burst, say('burst'));
    check('burst', Object.values(bursts));
    const tickets = await escalations(pair[0]!, escalating, options.escalations);
    say('escalations')(`${tickets.ticketsPerSecond} tickets/s`);
    check('escalations', [tickets]);
    const soaked = await soak(pair[0]!, plans, options.soak, say('soak'));
    say('soak')(`RSS ${soaked.rssMB.secondThird} → ${soaked.rssMB.lastThird} MB`);
    check('soak', [soaked.load]);
    const after = { bot: reading(bot), echo: reading(echo) };
    await stop(bot);
    await stop(echo);
    const live = measureStoredSize(join(bot.dataDir!, 'bot.sqlite'));

    const largeDir = scratchDir('large');
    const populated = await prepopulate(largeDir, plans, options.largeStore.conversations);
    say('large store')(`${options.largeStore.conversations} conversations written in ${round(populated.seconds)} s`);
    const prepopulated = measureStoredSize(join(largeDir, 'bot.sqlite'));
    const emptyStore = await start(startBot('empty store'));
    const largeStore = await start(startBot('large store', largeDir));
    const compared = await alternate([served(emptyStore, true), served(largeStore, true)], plans, options.largeStore, say('large store'));
    check('large store', Object.values(compared.results));
    await stop(emptyStore);
    await stop(largeStore);
    const empty = compared.results['empty store']!;
    const large = compared.results['large store']!;

    // Scale-out row: needs a scratch PostgreSQL database (its tables are emptied before each run).
    const databaseUrl = process.env.BENCH_DATABASE_URL;
    const postgres = databaseUrl
      ? await postgresScaleOut(databaseUrl, plans, { candidates: 100, warmupMs: 3_000, ms: options.mode === 'quick' ? 5_000 : 10_000 }, say('postgres'))
      : undefined;
    if (!databaseUrl) say('postgres')('skipped: set BENCH_DATABASE_URL to a scratch database to measure one vs two instances');

    const measured: Omit<BenchResults, 'targets'> = {
      ...(postgres && { postgres }),
      mode: options.mode,
      startedAt: startedAt.toISOString(),
      durationSeconds: round((performance.now() - started) / 1000),
      machine: { cpus: os.cpus().length, cpuModel: os.cpus()[0]?.model.trim() ?? 'unknown', node: process.version, platform: `${os.platform()} ${os.release()}`, memoryMB: Math.round(os.totalmem() / 2 ** 20) },
      settings: options,
      engine: { buildMs, stepMs: step.ms, stepTurns: step.turns },
      classification,
      plans: describePlans(plans),
      coldStart: cold,
      steady: {
        ...steady,
        ratio: {
          turnsPerSecond: round(steadyBot.turnsPerSecond / steadyEcho.turnsPerSecond),
          p99: round(steadyBot.latencyMs.p99 / steadyEcho.latencyMs.p99),
        },
      },
      burst: bursts,
      escalations: tickets,
      soak: soaked,
      memory: { bot: { before: before.bot, after: after.bot }, echo: { before: before.echo, after: after.echo } },
      storage: { live, prepopulated },
      largeStore: {
        ...compared,
        conversations: options.largeStore.conversations,
        populateSeconds: round(populated.seconds),
        ratio: {
          turnsPerSecond: round(large.turnsPerSecond / empty.turnsPerSecond),
          p50: round(large.latencyMs.p50 / empty.latencyMs.p50),
          p99: round(large.latencyMs.p99 / empty.latencyMs.p99),
        },
      },
    };
    const results: BenchResults = { ...measured, targets: checkTargets(measured) };

    const resultsDir = join(REPO_ROOT, 'bench/results');
    mkdirSync(resultsDir, { recursive: true });
    writeFileSync(join(resultsDir, 'latest.json'), `${JSON.stringify(results, null, 2)}\n`);
    writeFileSync(join(resultsDir, 'latest.md'), markdownReport(results));
    process.stdout.write(`\n${markdownTable(results)}\n\nWritten: bench/results/latest.json, bench/results/latest.md\n`);
  } finally {
    await Promise.allSettled(running.map((server) => server.stop()));
    removeScratchDirs();
  }
}

/** A server as the driver addresses it; only the real bot's replies are checked against the plan. */
function served(server: ServerProcess, checksReplies: boolean): { server: ServerProcess; target: Target } {
  return { server, target: { name: server.name, client: server.client, checksReplies } };
}

function reading(server: ServerProcess): MemoryReading {
  const heap = server.memory()?.heapUsed;
  return { rssMB: round(server.rssBytes() / 2 ** 20), ...(heap !== undefined && { heapUsedMB: round(heap / 2 ** 20) }) };
}

function describePlans(plans: readonly Plan[]): BenchResults['plans'] {
  const outcomes: Record<string, number> = {};
  for (const plan of plans) outcomes[plan.outcome] = (outcomes[plan.outcome] ?? 0) + 1;
  const turns = plans.reduce((sum, plan) => sum + plan.turns.length, 0);
  return { count: plans.length, meanTurns: round(turns / plans.length), outcomes };
}

main(process.argv.slice(2)).catch((error: unknown) => {
  process.stderr.write(`bench failed: ${error instanceof Error ? error.stack : String(error)}\n`);
  process.exitCode = 1;
});
