import { runAllAtOnce, TurnLog, type Target } from '../driver';
import { combine, roundAll, startMeasuring, type LoadResult, type Measured } from '../loadResult';
import type { Plan } from '../plans';
import type { ServerProcess } from '../processes';
import { median, round, summarize, type LatencySummary } from '../stats';

export interface BurstResult extends LoadResult {
  conversations: number;
  /** Median over rounds of the time until every conversation of the burst had ended. */
  allDoneSeconds: number;
  /** The first turn of each conversation: how long the last candidates to arrive waited for a welcome. */
  firstTurnLatencyMs: LatencySummary;
}

/**
 * `conversations` candidates open the chat at the same instant and each talks to the end of their
 * conversation without pausing. Rounds alternate between the servers (bot, echo, echo, bot…).
 */
export async function burst(
  servers: readonly { server: ServerProcess; target: Target }[],
  plans: readonly Plan[],
  { conversations, rounds }: { conversations: number; rounds: number },
  progress: (line: string) => void,
): Promise<Record<string, BurstResult>> {
  const runs = servers.map(({ server, target }) => ({ server, target, log: new TurnLog(), parts: [] as Measured[], durations: [] as number[] }));
  for (let round_ = 0; round_ < rounds; round_++) {
    const batch = Array.from({ length: conversations }, (_, i) => plans[(round_ * conversations + i) % plans.length]!);
    for (const run of round_ % 2 === 0 ? runs : [...runs].reverse()) {
      // The conversations are new, not the connections: the connector in front of the bot keeps them open.
      await run.target.client.warm(conversations);
      const stop = startMeasuring(run.server, run.log);
      const seconds = await runAllAtOnce(run.target, batch, run.log);
      run.parts.push(stop());
      run.durations.push(seconds);
      progress(`round ${round_ + 1}/${rounds} ${run.target.name}: ${conversations} conversations done in ${round(seconds)} s`);
    }
  }
  return Object.fromEntries(
    runs.map((run) => [
      run.target.name,
      {
        ...combine(run.parts, run.log),
        conversations,
        allDoneSeconds: round(median(run.durations)),
        firstTurnLatencyMs: roundAll(summarize(run.log.firstTurnLatencies)),
      },
    ]),
  );
}
