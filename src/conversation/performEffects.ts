import type { CompiledFlow } from '../flow';
import type { Effect } from '../engine/types';
import { describeDevice, fromAnswers, type DeviceProfile } from '../device';
import type { TicketStore } from '../tickets/ticketStore';
import type { Outbox } from '../tickets/outbox';
import type { Logger } from '../log';
import type { DeviceProfiles } from './deviceProfiles';
import type { TranscriptLine } from './transcript';
import type { PerformEffects } from './turns';
import type { TurnOrigin } from './turnOrigin';
import { guidanceGiven } from './guidanceGiven';
import { plainText } from '../tickets/plainText';
import type { CandidateSide } from '../tickets/candidateSide';

type OpenTicket = Extract<Effect, { type: 'open-ticket' }>;

/** A real candidate has one or two problems; more new tickets an hour from one conversation is a script. */
const MAX_NEW_TICKETS_PER_HOUR = 3;

export interface EffectPerformerOptions {
  /** In English: the recruiter's words (topic labels, steps tried) on a ticket. */
  flow: CompiledFlow;
  /** The guide in the candidate's language, for what they read back ("The recruiter has your details…"). */
  flowIn?: (language: string) => CompiledFlow | undefined;
  tickets: TicketStore;
  outbox: Pick<Outbox, 'kick'>;
  devices: DeviceProfiles;
  /** Sink names every new ticket is queued for; `teams` is added once a recruiters' channel is registered. */
  sinks: () => string[] | Promise<string[]>;
  /** The candidate's answers to an open ticket and its resolution: into its history, and on to the recruiter. */
  candidateSide?: Pick<CandidateSide, 'replied' | 'resolved'>;
  log: Logger;
  now?: () => Date;
  /** Told of each ticket opened (not of one asked for again for the same problem): metrics. */
  onTicketOpened?: () => void;
}

/**
 * Performs a turn's effects, before the turn's state is saved. `open-ticket` stores the ticket and
 * queues it for every sink in one transaction (so nothing is lost if a sink is down), then nudges
 * the outbox; the ticket id comes back for the reply. Opening is idempotent per conversation and
 * problem, so a turn run again (a write race, a retry after a crash) gets the same ticket.
 * Logs carry topics and ids only: the ticket holds the personal data.
 */
export function createEffectPerformer({ flow, flowIn = () => undefined, tickets, outbox, devices, sinks, candidateSide, log, now = () => new Date(), onTicketOpened }: EffectPerformerOptions): PerformEffects {
  async function deviceFor(effect: OpenTicket, key: string): Promise<DeviceProfile | undefined> {
    const { confirmed, deviceType, browser } = effect.device;
    // What the candidate said about the interview device outranks what the chat device looks like.
    if (!confirmed && (deviceType || browser)) await devices.remember(key, fromAnswers({ deviceType, browser, sameDeviceAsInterview: false }));
    return devices.profile(key);
  }

  return async function performEffects(effects: Effect[], origin: TurnOrigin, transcript: TranscriptLine[], language = 'en') {
    const values: Record<string, string> = {};
    const candidateFlow = flowIn(language) ?? flow;
    for (const effect of effects) {
      log.info({ effect: effect.type, topic: 'topic' in effect ? effect.topic : undefined, channelId: origin.channelId }, 'conversation outcome');
      if (effect.type === 'ticket-reply') {
        await candidateSide?.replied(effect.ticketId, effect.text);
        // Said only as it happened: with nowhere to deliver tickets, the message is only kept with the ticket.
        const { sent, undelivered } = candidateFlow.guide.ticket.passedOn;
        values.passedOn = (await sinks()).length > 0 ? sent : undelivered;
      }
      if (effect.type === 'resolve-ticket') await candidateSide?.resolved(effect.ticketId);
      if (effect.type !== 'open-ticket') continue;
      const recent = await tickets.openedSince(origin.key, new Date(now().getTime() - 3_600_000));
      if (recent.length >= MAX_NEW_TICKETS_PER_HOUR) {
        // The recruiter already has this candidate's details; point them at the latest ticket.
        log.warn({ channelId: origin.channelId, recent: recent.length }, 'ticket cap reached for a conversation');
        values.ticketId = recent[0]!;
        values.ticketSent = ticketSent(candidateFlow, await sinks(), guidanceGiven(flow, effect.topic, effect.path, '').stepsTried);
        continue;
      }
      const profile = await deviceFor(effect, origin.key);
      const { details } = effect;
      const guidance = guidanceGiven(flow, effect.topic, effect.path, describeDevice(profile));
      const to = await sinks();
      const { ticket, created } = await tickets.openTicket(
        {
          conversationKey: origin.key,
          channel: origin.channelId,
          topic: effect.topic,
          topicLabel: flow.topics.get(effect.topic)?.label,
          candidate: { name: details.name ?? '', email: details.email ?? '' },
          job: { position: details.position ?? '', company: details.company ?? '' },
          errorText: details.errorText ?? '',
          ...guidance,
          device: { summary: describeDevice(profile), profile, userAgent: profile?.userAgent },
          locale: origin.locale ?? profile?.locale,
          // The recruiter reads the ticket in English; it says which language the candidate wrote in.
          language,
          timezone: profile?.timezone,
          ...(effect.check && { deviceCheck: { outcome: effect.check } }),
          // The link as the link doctor read it: clean, and what had been done to it (wrapped, cut short, not the platform's).
          ...(effect.link && { interviewLink: effect.link }),
          conversationReference: { ...origin.reference() },
          // The bot's lines as the recruiter reads them: the candidate saw Markdown, a helpdesk shows text.
          transcript: transcript.map((line) => (line.from === 'bot' ? { ...line, text: plainText(line.text) } : line)),
        },
        to,
      );
      log.info({ ticketId: ticket.id, topic: effect.topic, created }, created ? 'ticket opened' : 'ticket already open');
      if (created) {
        outbox.kick();
        onTicketOpened?.();
      }
      values.ticketId = ticket.id;
      values.ticketSent = ticketSent(candidateFlow, to, guidance.stepsTried);
    }
    return values;
  };
}

/** The confirmation says only what happened: a recruiter has it only if a sink is configured, the steps only if some were followed. */
function ticketSent(flow: CompiledFlow, sinks: string[], tried: unknown[]): string {
  const { withSteps, withoutSteps, undelivered } = flow.guide.ticketSent;
  if (sinks.length === 0) return undelivered;
  return tried.length > 0 ? withSteps : withoutSteps;
}
