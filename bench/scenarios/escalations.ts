import { performance } from 'node:perf_hooks';
import { idleCandidates, PlanQueue, runClosedLoop, TurnLog, type Target } from '../driver';
import { combine, startMeasuring, type LoadResult } from '../loadResult';
import type { Plan } from '../plans';
import type { ServerProcess } from '../processes';

/**
 * Every candidate goes through the form to a ticket: the most tickets per second the bot opens
 * while it also runs the conversations that lead to them. Bot only: the echo bot opens no tickets.
 */
export async function escalations(
  bot: { server: ServerProcess; target: Target },
  plans: readonly Plan[],
  { candidates, ms }: { candidates: number; ms: number },
): Promise<LoadResult> {
  const log = new TurnLog();
  const stop = startMeasuring(bot.server, log);
  await runClosedLoop(bot.target, idleCandidates(candidates), new PlanQueue(plans), performance.now() + ms, log);
  return combine([stop()], log);
}
