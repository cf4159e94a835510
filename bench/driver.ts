import { performance } from 'node:perf_hooks';
import { newChatIdentity, webChatActivity, type ChatIdentity } from './activity';
import type { LoopbackClient } from './httpClient';
import type { Plan } from './plans';

/** A server under load: the bot, the echo bot, or the bot on a large store. */
export interface Target {
  name: string;
  client: LoopbackClient;
  /** The real bot must answer with the planned buttons; the echo bot only echoes. */
  checksReplies: boolean;
}

/** What the driver saw of one target: every turn's latency in ms, and what went wrong. */
export class TurnLog {
  readonly latencies: number[] = [];
  /** Latency of the turns that opened a ticket (the reply carries its number). */
  readonly ticketLatencies: number[] = [];
  /** Latency of each conversation's first turn (the join event), for bursts of new conversations. */
  readonly firstTurnLatencies: number[] = [];
  errors = 0;
  /** Turns where the bot's buttons differed from the plan: the server did not follow the engine's path. */
  divergences = 0;
  tickets = 0;
  readonly problems: string[] = [];

  note(problem: string): void {
    if (this.problems.length < 5) this.problems.push(problem);
  }
}

/** One candidate's conversation in progress. */
interface Session {
  plan: Plan;
  planIndex: number;
  chat: ChatIdentity;
  next: number;
}

/** Hands out planned conversations in order, round and round; each target gets its own, so both see the same sequence. */
export class PlanQueue {
  private position = 0;
  constructor(private readonly plans: readonly Plan[]) {}

  take(): { plan: Plan; planIndex: number } {
    const planIndex = this.position++ % this.plans.length;
    return { plan: this.plans[planIndex]!, planIndex };
  }
}

const TICKET_ID = /CS-\d{6}/;

function startSession({ plan, planIndex }: { plan: Plan; planIndex: number }): Session {
  const join = plan.turns[0]?.send;
  const locale = join?.type === 'event' ? String(join.value.language ?? 'en-US') : 'en-US';
  return { plan, planIndex, chat: newChatIdentity(locale), next: 0 };
}

/** Posts the session's next activity and records how long the answer took. */
async function sendTurn(target: Target, session: Session, log: TurnLog): Promise<void> {
  const index = session.next++;
  const planned = session.plan.turns[index]!;
  const body = webChatActivity(session.chat, planned.send);
  const started = performance.now();
  let answer;
  try {
    answer = await target.client.post('/api/messages', body);
  } catch (error) {
    log.errors += 1;
    log.note(`${target.name}: ${error instanceof Error ? error.message : String(error)}`);
    session.next = session.plan.turns.length;
    return;
  }
  const ms = performance.now() - started;
  if (answer.status !== 200) {
    log.errors += 1;
    log.note(`${target.name}: HTTP ${answer.status} at plan ${session.planIndex} turn ${index}`);
    session.next = session.plan.turns.length;
    return;
  }
  log.latencies.push(ms);
  if (index === 0) log.firstTurnLatencies.push(ms);
  if (!target.checksReplies) return;

  const activities = (JSON.parse(answer.body) as { activities?: { text?: string; suggestedActions?: { actions: { title: string }[] } }[] }).activities ?? [];
  const labels = activities.flatMap((a) => a.suggestedActions?.actions.map((action) => action.title) ?? []);
  if (labels.join('\n') !== planned.labels.join('\n')) {
    log.divergences += 1;
    log.note(`${target.name}: plan ${session.planIndex} turn ${index}: expected buttons [${planned.labels.join(', ')}], got [${labels.join(', ')}]`);
  }
  if (planned.opensTicket) {
    if (activities.some((a) => TICKET_ID.test(a.text ?? ''))) {
      log.tickets += 1;
      log.ticketLatencies.push(ms);
    } else {
      log.divergences += 1;
      log.note(`${target.name}: plan ${session.planIndex} turn ${index}: no ticket number in the reply`);
    }
  }
}

/**
 * Closed loop: each of `candidates` sends its next turn as soon as the last one was answered (no
 * think time, so this measures capacity), starting a new conversation when one ends, until
 * `untilMs` (performance.now()). Sessions persist across calls: a conversation cut off by the end
 * of a slice carries on in the target's next slice.
 */
export async function runClosedLoop(target: Target, sessions: (Session | undefined)[], plans: PlanQueue, untilMs: number, log: TurnLog): Promise<void> {
  await Promise.all(
    sessions.map(async function candidate(_, slot) {
      while (performance.now() < untilMs) {
        let session = sessions[slot];
        if (!session || session.next >= session.plan.turns.length) session = sessions[slot] = startSession(plans.take());
        await sendTurn(target, session, log);
      }
    }),
  );
}

export const idleCandidates = (count: number): (Session | undefined)[] => Array.from({ length: count }, () => undefined);

/** Every plan starts its conversation at the same instant and runs to its end; resolves with the seconds it took. */
export async function runAllAtOnce(target: Target, plans: readonly Plan[], log: TurnLog): Promise<number> {
  const started = performance.now();
  await Promise.all(
    plans.map(async function candidate(plan, planIndex) {
      const session = startSession({ plan, planIndex });
      while (session.next < plan.turns.length) await sendTurn(target, session, log);
    }),
  );
  return (performance.now() - started) / 1000;
}
