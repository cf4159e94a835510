import type { BenchResults, TargetCheck } from './results';
import type { LatencySummary } from './stats';
import { round } from './stats';

type Row = [measure: string, bot: string, echo: string, ratio: string, target?: TargetCheck];

const KB = 1024;
const tails = (l: LatencySummary) => `${l.p50} / ${l.p95} / ${l.p99}`;
const ratio = (a: number, b: number) => String(round(a / b, 2));
const verdict = (t?: TargetCheck) => (t ? (t.pass ? 'PASS' : 'FAIL') : '');

/** The run as one Markdown table: each measure for the bot and the echo bot, and the targets it is held to. */
export function markdownTable(r: BenchResults): string {
  const target = (id: string) => r.targets.find((t) => t.id === id);
  const bot = r.steady.results.bot!;
  const echo = r.steady.results.echo!;
  const burstBot = r.burst.bot!;
  const burstEcho = r.burst.echo!;
  const empty = r.largeStore.results['empty store']!;
  const large = r.largeStore.results['large store']!;
  const { soak, memory, storage, coldStart } = r;
  const s = r.settings;
  const mem = (m: { rssMB: number; heapUsedMB?: number }) => `${m.rssMB}${m.heapUsedMB === undefined ? '' : ` (heap ${m.heapUsedMB})`}`;

  const rows: Row[] = [
    [`Steady, ${s.steady.candidates} candidates: turns/s`, String(bot.turnsPerSecond), String(echo.turnsPerSecond), String(r.steady.ratio.turnsPerSecond), target('throughput')],
    ['Steady: latency p50 / p95 / p99 (ms)', tails(bot.latencyMs), tails(echo.latencyMs), `p99 × ${r.steady.ratio.p99}`, target('tail-latency')],
    ['Steady: server CPU per turn (ms)', String(bot.cpuMsPerTurn), String(echo.cpuMsPerTurn), ratio(bot.cpuMsPerTurn, echo.cpuMsPerTurn)],
    ['Steady: driver CPU per turn (ms)', String(bot.driverCpuMsPerTurn), String(echo.driverCpuMsPerTurn), ''],
    [`Steady: other processes' CPU meanwhile (cores of ${r.machine.cpus}), the noise`, String(bot.otherCores), String(echo.otherCores), ''],
    [
      `Burst, ${burstBot.conversations.toLocaleString('en-US')} new conversations at once: all ended after (s)`,
      String(burstBot.allDoneSeconds),
      String(burstEcho.allDoneSeconds),
      ratio(burstBot.allDoneSeconds, burstEcho.allDoneSeconds),
    ],
    ['Burst: latency p50 / p95 / p99 (ms)', tails(burstBot.latencyMs), tails(burstEcho.latencyMs), `p99 × ${ratio(burstBot.latencyMs.p99, burstEcho.latencyMs.p99)}`],
    ['Burst: first turn (welcome) p50 / p95 / p99 (ms)', tails(burstBot.firstTurnLatencyMs), tails(burstEcho.firstTurnLatencyMs), ''],
    [`Tickets/s, ${s.escalationShare * 100} % of candidates escalate (steady)`, String(bot.ticketsPerSecond), '', '', undefined],
    [`Tickets/s, ${s.escalations.conversations} candidates at once, every one escalates`, `${r.escalations.ticketsPerSecond} (${r.escalations.turnsPerSecond} turns/s)`, '', ''],
    ['Ticket turn latency p50 / p95 / p99 (ms), every candidate escalates', r.escalations.ticketLatencyMs ? tails(r.escalations.ticketLatencyMs) : '–', '', ''],
    [
      `Soak, ${s.soak.ms / 1000} s: RSS median, second → last third (MB)`,
      `${soak.rssMB.secondThird} → ${soak.rssMB.lastThird} (${signed(soak.rssGrowth)})`,
      '',
      '',
      target('memory'),
    ],
    [
      'Soak: heap used median, second → last third (MB)',
      soak.heapUsedMB ? `${soak.heapUsedMB.secondThird} → ${soak.heapUsedMB.lastThird} (${signed(soak.heapGrowth ?? 0)})` : '–',
      '',
      '',
    ],
    [
      "Soak: turns/s (other processes' cores), second → last third",
      `${soak.turnsPerSecond.secondThird} (${soak.otherCores.secondThird}) → ${soak.turnsPerSecond.lastThird} (${soak.otherCores.lastThird})`,
      '',
      '',
    ],
    ['RSS before → after all load (MB)', `${mem(memory.bot.before)} → ${mem(memory.bot.after)}`, `${mem(memory.echo.before)} → ${mem(memory.echo.after)}`, ''],
    [
      `Stored per conversation, state + transcript + device (${storage.live.conversations.toLocaleString('en-US')} conversations of the run)`,
      `${round(storage.live.bytesPerConversation / KB)} KB`,
      '',
      '',
      target('storage'),
    ],
    [
      `Stored per finished conversation (${storage.prepopulated.conversations.toLocaleString('en-US')} written by the large-store set-up)`,
      `${round(storage.prepopulated.bytesPerConversation / KB)} KB`,
      '',
      '',
    ],
    [
      `Large store, ${r.largeStore.conversations.toLocaleString('en-US')} conversations, vs empty: turns/s`,
      `${large.turnsPerSecond} (empty: ${empty.turnsPerSecond})`,
      '',
      String(r.largeStore.ratio.turnsPerSecond),
      target('large-store'),
    ],
    ['Large store vs empty: latency p50 / p95 / p99 (ms)', `${tails(large.latencyMs)} (empty: ${tails(empty.latencyMs)})`, '', `p50 × ${r.largeStore.ratio.p50}, p99 × ${r.largeStore.ratio.p99}`],
    [`Cold start: spawn → listening (median of ${coldStart.runs}, ms)`, String(coldStart.listeningMs), '', '', target('cold-start')],
    ['Cold start: spawn → first answered turn (ms)', String(coldStart.firstTurnMs), '', ''],
    [
      `Classification per utterance p50 / p99 (ms; median of ${s.classificationRepetitions} runs of each of ${r.classification.utterances} utterances)`,
      `${r.classification.ms.p50} / ${r.classification.ms.p99}`,
      '',
      '',
      target('classification'),
    ],
    ['Classification, every call p50 / p99 / max (ms; pauses of the machine included)', `${r.classification.allCallsMs.p50} / ${r.classification.allCallsMs.p99} / ${r.classification.allCallsMs.max}`, '', ''],
    ['Engine step in-process p50 / p99 (ms)', `${r.engine.stepMs.p50} / ${r.engine.stepMs.p99}`, '', ''],
    ['Failed turns; turns off the planned path', correctness(r), '', '', target('correctness')],
  ];

  const header = '| Measure | Bot | Echo bot | Bot ÷ echo | Target | Result |\n| --- | --- | --- | --- | --- | --- |';
  const lines = rows.map(([measure, b, e, q, t]) => `| ${measure} | ${b} | ${e} | ${q} | ${t?.target ?? ''} | ${verdict(t)} |`);
  return [header, ...lines].join('\n');
}

/** Where and when the numbers come from: a table means little without its machine and settings. */
export function markdownReport(r: BenchResults): string {
  const m = r.machine;
  const passed = r.targets.filter((t) => t.pass).length;
  return [
    `# Benchmark: ${r.mode} run, ${r.startedAt}`,
    '',
    `${m.cpus} × ${m.cpuModel}, ${Math.round(m.memoryMB / 1024)} GB, Node ${m.node} (${m.platform}). ` +
      `Run took ${Math.round(r.durationSeconds)} s. Targets met: ${passed} of ${r.targets.length}.`,
    '',
    markdownTable(r),
    '',
    `Conversations: ${r.plans.count} planned (mean ${r.plans.meanTurns} turns; ` +
      Object.entries(r.plans.outcomes)
        .map(([outcome, n]) => `${outcome} ${n}`)
        .join(', ') +
      ').',
    '',
    ...postgresSection(r),
  ].join('\n');
}

/** One vs two instances on PostgreSQL, conversations moving between instances on every turn. */
function postgresSection(r: BenchResults): string[] {
  if (!r.postgres) return ['One vs two instances on PostgreSQL: not measured (set BENCH_DATABASE_URL).', ''];
  return [
    '## One vs two instances on PostgreSQL',
    '',
    'Each message goes to the next instance (no session affinity). On a 2-core machine both instances, PostgreSQL and the driver share the cores.',
    '',
    '| Instances | Turns/s | p50 (ms) | p99 (ms) | Failed turns | Off the plan | Tickets |',
    '| --- | --- | --- | --- | --- | --- | --- |',
    ...r.postgres.map((row) => `| ${row.instances} | ${row.turnsPerSecond} | ${row.latencyMs.p50} | ${row.latencyMs.p99} | ${row.errors} | ${row.divergences} | ${row.tickets} |`),
    '',
  ];
}

function correctness(r: BenchResults): string {
  return r.targets.find((t) => t.id === 'correctness')?.measured ?? '';
}

function signed(fraction: number): string {
  const percent = round(fraction * 100, 2);
  return `${percent >= 0 ? '+' : ''}${percent} %`;
}
