import { performance } from 'node:perf_hooks';
import { idleCandidates, PlanQueue, runClosedLoop, TurnLog, type Target } from '../driver';
import { combine, sliceSummary, startMeasuring, type LoadResult, type Measured } from '../loadResult';
import type { AlternatingLoad } from '../options';
import type { Plan } from '../plans';
import type { ServerProcess } from '../processes';

export interface AlternatingResult {
  results: Record<string, LoadResult>;
  slices: ReturnType<typeof sliceSummary>[];
}

/**
 * Steady load on two (or more) servers in turn: each keeps its own candidates, who pause while the
 * other server is measured and carry on where they were. Slices go A B B A A B…, so a slow minute of
 * the machine, or being measured first, falls on both alike.
 */
export async function alternate(
  servers: readonly { server: ServerProcess; target: Target }[],
  plans: readonly Plan[],
  load: AlternatingLoad,
  progress: (line: string) => void,
): Promise<AlternatingResult> {
  const runs = servers.map(({ server, target }) => ({
    server,
    target,
    sessions: idleCandidates(load.candidates),
    queue: new PlanQueue(plans),
    log: new TurnLog(),
    parts: [] as Measured[],
  }));
  for (const run of runs) {
    await runClosedLoop(run.target, run.sessions, run.queue, performance.now() + load.warmupMs, new TurnLog());
  }
  const slices: AlternatingResult['slices'] = [];
  for (let round = 0; round < load.slices; round++) {
    const order = round % 2 === 0 ? runs : [...runs].reverse();
    for (const run of order) {
      await run.target.client.warm(load.candidates);
      const stop = startMeasuring(run.server, run.log);
      await runClosedLoop(run.target, run.sessions, run.queue, performance.now() + load.sliceMs, run.log);
      const part = stop();
      run.parts.push(part);
      const slice = sliceSummary(run.target.name, part);
      slices.push(slice);
      progress(
        `slice ${round + 1}/${load.slices} ${slice.target}: ${slice.turnsPerSecond} turns/s, p50 ${slice.p50} ms, p99 ${slice.p99} ms, ` +
          `${slice.cpuMsPerTurn} ms CPU/turn; other processes ${slice.otherCores} cores`,
      );
    }
  }
  return { results: Object.fromEntries(runs.map((run) => [run.target.name, combine(run.parts, run.log)])), slices };
}
