import { performance } from 'node:perf_hooks';
import { idleCandidates, PlanQueue, runClosedLoop, TurnLog, type Target } from '../driver';
import { combine, startMeasuring, type LoadResult } from '../loadResult';
import type { Plan } from '../plans';
import type { ServerProcess } from '../processes';
import { machineBusyMs, ownCpuMs } from '../procStats';
import { median, round } from '../stats';

export interface SoakSample {
  seconds: number;
  rssMB: number;
  heapUsedMB?: number;
  /** Turns answered since the previous sample, per second. */
  turnsPerSecond: number;
  /** Cores the rest of the machine used meanwhile: a dip in turns/s with this up is not the bot's. */
  otherCores: number;
}

export interface SoakResult {
  load: LoadResult;
  samples: SoakSample[];
  /** Median RSS of the last third against the second third (the first third is warm-up). */
  rssGrowth: number;
  rssMB: { secondThird: number; lastThird: number };
  heapGrowth?: number;
  heapUsedMB?: { secondThird: number; lastThird: number };
  turnsPerSecond: { secondThird: number; lastThird: number };
  otherCores: { secondThird: number; lastThird: number };
}

const MB = 1024 * 1024;

/** Steady load on the bot alone for a long stretch, sampling its memory from /proc and from the heap probe. */
export async function soak(
  bot: { server: ServerProcess; target: Target },
  plans: readonly Plan[],
  { candidates, ms, sampleMs }: { candidates: number; ms: number; sampleMs: number },
  progress: (line: string) => void,
): Promise<SoakResult> {
  const log = new TurnLog();
  const samples: SoakSample[] = [];
  const started = performance.now();
  const cpuNow = () => ({ server: bot.server.cpuMs(), driver: ownCpuMs(), machine: machineBusyMs() });
  let last = { at: started, turns: 0, cpu: cpuNow() };
  const sample = () => {
    const now = performance.now();
    const turns = log.latencies.length;
    const cpu = cpuNow();
    const heap = bot.server.memory()?.heapUsed;
    const otherMs = cpu.machine - last.cpu.machine - (cpu.server - last.cpu.server) - (cpu.driver - last.cpu.driver);
    samples.push({
      seconds: round((now - started) / 1000),
      rssMB: round(bot.server.rssBytes() / MB),
      ...(heap !== undefined && { heapUsedMB: round(heap / MB) }),
      turnsPerSecond: round(((turns - last.turns) * 1000) / (now - last.at)),
      otherCores: round(Math.max(0, otherMs) / (now - last.at), 2),
    });
    last = { at: now, turns, cpu };
    const latest = samples.at(-1)!;
    if (samples.length % 30 === 0) progress(`${latest.seconds} s: RSS ${latest.rssMB} MB, heap ${latest.heapUsedMB ?? '?'} MB, ${latest.turnsPerSecond} turns/s; other processes ${latest.otherCores} cores`);
  };
  const timer = setInterval(sample, sampleMs);
  const stop = startMeasuring(bot.server, log);
  await runClosedLoop(bot.target, idleCandidates(candidates), new PlanQueue(plans), started + ms, log);
  clearInterval(timer);
  const load = combine([stop()], log);

  const third = Math.floor(samples.length / 3);
  const middle = samples.slice(third, 2 * third);
  const end = samples.slice(2 * third);
  const mid = (pick: (s: SoakSample) => number | undefined, part: SoakSample[]) => median(part.map(pick).filter((v): v is number => v !== undefined));
  const rssMB = { secondThird: mid((s) => s.rssMB, middle), lastThird: mid((s) => s.rssMB, end) };
  const heapUsedMB = { secondThird: mid((s) => s.heapUsedMB, middle), lastThird: mid((s) => s.heapUsedMB, end) };
  const hasHeap = Number.isFinite(heapUsedMB.secondThird);
  return {
    load,
    samples,
    rssGrowth: round(rssMB.lastThird / rssMB.secondThird - 1),
    rssMB,
    ...(hasHeap && { heapGrowth: round(heapUsedMB.lastThird / heapUsedMB.secondThird - 1), heapUsedMB }),
    turnsPerSecond: { secondThird: mid((s) => s.turnsPerSecond, middle), lastThird: mid((s) => s.turnsPerSecond, end) },
    otherCores: { secondThird: mid((s) => s.otherCores, middle), lastThird: mid((s) => s.otherCores, end) },
  };
}
