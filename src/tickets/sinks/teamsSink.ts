import { failureKindForStatus, parseRetryAfter, SinkError, type FailureKind, type TicketSink } from '../sink';
import type { Ticket } from '../ticket';
import { ticketActivity, type TicketActivity } from './ticketCard';
import type { PostedCard } from '../ticketCardMessages';
import { updateText, type TicketUpdate } from '../ticketUpdate';

/** A ticket's update as a short plain message in the channel (the card itself is left as it was). */
export interface TicketUpdateActivity {
  type: 'message';
  text: string;
  textFormat: 'plain';
}

/** A registered recruiter conversation; `reference` is a Bot Framework ConversationReference. */
export interface TeamsChannel {
  key: string;
  reference: Record<string, unknown>;
}

export interface TeamsSinkOptions {
  /** The registered recruiter channels, read on every delivery so a new registration counts at once. */
  channels: () => Promise<TeamsChannel[]>;
  /** Proactive send (the bot layer's adapter.continueConversationAsync); resolves with the posted message's id, throws on failure. */
  send: (reference: Record<string, unknown>, activity: TicketActivity) => Promise<string | void>;
  /** Told where the card was posted, so card actions can update it for everyone in the channel. */
  remember?: (ticketId: string, posted: PostedCard[]) => Promise<void>;
  /** The same send for a ticket's update; without it, updates don't reach Teams. */
  sendUpdate?: (reference: Record<string, unknown>, activity: TicketUpdateActivity) => Promise<void>;
  /**
   * Unregisters a channel Teams says the bot can never post to again (removed from the team or
   * chat, conversation deleted). Without it, such a channel fails every delivery, retried forever.
   */
  forgetChannel?: (key: string) => Promise<void>;
  name?: string;
  now?: () => number;
}

/**
 * Posts the ticket card to every registered recruiter channel. With none registered the delivery
 * fails as "waiting", so the ticket is kept until someone registers one. Channels that already got
 * a ticket are remembered while others still fail, so a retry does not post it there again (within
 * this process; after a restart a channel may see it twice).
 */
export function teamsSink({ channels, send, remember, sendUpdate, forgetChannel, name = 'teams', now = Date.now }: TeamsSinkOptions): TicketSink {
  const reached = new Map<string, Set<string>>();

  return {
    name,
    async deliver(ticket: Ticket): Promise<void> {
      const targets = await channels();
      if (targets.length === 0) {
        throw new SinkError('no recruiter channel is registered to receive tickets in Teams', {
          code: 'no_recruiter_channel',
          kind: 'waiting',
        });
      }
      const done = reached.get(ticket.id) ?? new Set<string>();
      const activity = ticketActivity(ticket);
      const failures: SinkError[] = [];
      const posted: PostedCard[] = [];
      let forgotten = 0;
      for (const { key, reference } of targets) {
        if (done.has(key)) continue;
        try {
          const activityId = await send(reference, activity);
          done.add(key);
          if (activityId) posted.push({ channelKey: key, activityId });
        } catch (err) {
          if (forgetChannel && isChannelGone(err)) {
            await forgetChannel(key);
            forgotten += 1;
          } else failures.push(describeSendError(err, now()));
        }
      }
      await remember?.(ticket.id, posted);
      if (failures.length === 0 && forgotten === targets.length) {
        throw new SinkError('every registered recruiter channel has removed the bot', { code: 'no_recruiter_channel', kind: 'waiting' });
      }
      if (failures.length === 0) {
        reached.delete(ticket.id);
        return;
      }
      reached.set(ticket.id, done);
      throw combine(failures, targets.length);
    },
    update: sendUpdate && async function postUpdate(ticket: Ticket, update: TicketUpdate): Promise<void> {
      const activity: TicketUpdateActivity = { type: 'message', text: updateText(ticket, update), textFormat: 'plain' };
      const failures: SinkError[] = [];
      const targets = await channels();
      for (const { reference } of targets) await sendUpdate(reference, activity).catch((err: unknown) => failures.push(describeSendError(err, now())));
      if (failures.length > 0) throw combine(failures, targets.length);
    },
  };
}

/** Teams' answers for a conversation the bot has left for good: removed from the roster, or the conversation is gone. */
function isChannelGone(err: unknown): boolean {
  const { statusCode, code } = (err ?? {}) as { statusCode?: unknown; code?: unknown };
  return statusCode === 404 || (statusCode === 403 && code === 'BotNotInConversationRoster');
}

function describeSendError(err: unknown, now: number): SinkError {
  const { statusCode, code, retryAfterMs, retryAfter, response } = (err ?? {}) as {
    statusCode?: unknown;
    code?: unknown;
    retryAfterMs?: unknown;
    retryAfter?: unknown;
    response?: { headers?: { get?: (name: string) => string | null | undefined } };
  };
  const status = typeof statusCode === 'number' ? statusCode : undefined;
  const waitMs =
    typeof retryAfterMs === 'number'
      ? retryAfterMs
      : typeof retryAfter === 'number'
        ? retryAfter * 1000
        : parseRetryAfter(response?.headers?.get?.('retry-after') ?? undefined, now);
  if (status !== undefined) {
    // 403/404: the bot was removed from the team or the conversation is gone; someone must re-register.
    return new SinkError(`Teams answered HTTP ${status}`, {
      code: `teams_${status}`,
      kind: failureKindForStatus(status),
      status,
      retryAfterMs: status === 429 || status === 503 ? waitMs : undefined,
    });
  }
  const label = typeof code === 'string' ? code : err instanceof Error ? err.name : 'error';
  return new SinkError(`sending to Teams failed (${label})`, { code: label, kind: 'transient', cause: err });
}

/** One error for the row: retry as soon as the most hopeful failure allows. */
function combine(failures: SinkError[], channelCount: number): SinkError {
  const first = failures[0]!;
  if (failures.length === 1 && channelCount === 1) return first;
  const kind: FailureKind = failures.every((f) => f.kind === 'permanent') ? 'permanent' : 'transient';
  const waits = failures.map((f) => f.retryAfterMs).filter((ms): ms is number => ms !== undefined);
  return new SinkError(`${failures.length} of ${channelCount} recruiter channels failed; first: ${first.message}`, {
    code: first.code,
    kind,
    status: first.status,
    retryAfterMs: waits.length > 0 ? Math.max(...waits) : undefined,
  });
}
