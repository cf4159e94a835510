import { runAllAtOnce, TurnLog, type Target } from '../driver';
import { combine, startMeasuring, type LoadResult } from '../loadResult';
import type { Plan } from '../plans';
import type { ServerProcess } from '../processes';

/**
 * `conversations` candidates start at once and every one of them goes through the form to a ticket:
 * the most tickets per second the bot opens while also running the conversations that lead to them.
 * Whole conversations, so every one that starts is counted when it ends. Bot only: the echo bot
 * opens no tickets.
 */
export async function escalations(
  bot: { server: ServerProcess; target: Target },
  plans: readonly Plan[],
  { conversations }: { conversations: number },
): Promise<LoadResult> {
  const log = new TurnLog();
  await bot.target.client.warm(conversations);
  const stop = startMeasuring(bot.server, log);
  await runAllAtOnce(bot.target, plans.slice(0, conversations), log);
  return combine([stop()], log);
}
