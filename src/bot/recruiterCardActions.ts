import { ActivityTypes, type TurnContext } from 'botbuilder';
import type { ActOnTicketCard } from '../tickets/actOnTicketCard';
import type { AdaptiveCard } from '../tickets/sinks/ticketCard';
import { ADAPTIVE_CARD_CONTENT_TYPE } from '../tickets/sinks/ticketCard';
import type { PostedCard } from '../tickets/ticketCardMessages';
import type { RecruiterChannel } from '../tickets/ticketStore';
import type { Logger } from '../log';
import { recruiterChannel } from './teams/recruiterChannel';

/** A card click handled here instead of becoming the candidate's input; false lets the turn go on. */
export type CardActionHandler = (context: TurnContext) => Promise<boolean>;

export interface RecruiterCardActionsOptions {
  act: ActOnTicketCard;
  /** The registered recruiter channels (TicketStore.recruiterChannels): only their cards may act. */
  channels: () => Promise<RecruiterChannel[]>;
  /** Where each ticket's card was posted (src/tickets/ticketCardMessages.ts). */
  postedCards: (ticketId: string) => Promise<PostedCard[]>;
  /** Replaces a posted card for everyone in its channel (the adapter's updateProactively). */
  updateCard: (reference: Record<string, unknown>, activityId: string, card: AdaptiveCard) => Promise<void>;
  log: Pick<Logger, 'info' | 'warn'>;
}

export const NOT_A_RECRUITER_CHANNEL =
  "Sorry, ticket cards can only be used in a recruiters' channel registered for tickets. Nothing was changed.";

/**
 * A recruiter's click on a ticket card: Teams sends an `adaptiveCard/action` invoke (Action.Execute)
 * or, from a client without Universal Actions, a message whose `value` is the card's data
 * (Action.Submit). Only a conversation registered for ticket cards may act; anything else is
 * refused politely and changes nothing. The invoke is answered with the refreshed card, and the
 * card is updated in every channel it was posted to, so everyone sees who took it and where it stands.
 */
export function recruiterCardActions({ act, channels, postedCards, updateCard, log }: RecruiterCardActionsOptions): CardActionHandler {
  return async function actOnTicketCard(context) {
    const { activity } = context;
    const sent = cardActionOf(activity);
    if (!sent) return false;
    const answer = sent.invoke ? invokeAnswer(context) : messageAnswer(context);

    const here = recruiterChannel(activity);
    const registered = await channels();
    if (!here || !registered.some((channel) => channel.key === here.key)) {
      log.warn({ channelId: activity.channelId }, 'a ticket card action came from a conversation not registered for tickets: refused');
      await answer.message(NOT_A_RECRUITER_CHANNEL);
      return true;
    }

    const outcome = await act(sent.data, activity.from?.name);
    if (!outcome.done) {
      log.info({ status: outcome.status }, 'a ticket card action was refused: nothing changed');
      await answer.problem(outcome.status, outcome.problem);
      return true;
    }
    log.info({ ticketId: outcome.ticketId, action: outcome.verb }, 'a recruiter acted on a ticket card');
    if (outcome.verb !== 'refresh') {
      const posted = await postedCards(outcome.ticketId);
      // A card posted before its id was kept is still updated where it was clicked.
      const clicked = activity.replyToId && !posted.some((card) => card.channelKey === here.key) ? [{ channelKey: here.key, activityId: activity.replyToId }] : [];
      const targets = [...posted, ...clicked].flatMap(({ channelKey, activityId }) => {
        const channel = registered.find((c) => c.key === channelKey);
        return channel ? [{ reference: channel.reference, activityId }] : [];
      });
      const updates = await Promise.allSettled(targets.map(({ reference, activityId }) => updateCard(reference, activityId, outcome.card)));
      const failed = updates.filter((update) => update.status === 'rejected').length;
      if (failed > 0) log.warn({ ticketId: outcome.ticketId, failed, of: targets.length }, 'a ticket card could not be updated in every recruiter channel');
    }
    await answer.card(outcome.card);
    return true;
  };
}

/** The card's data from an invoke (verb beside the data and the inputs) or a Submit's message value; undefined for anything else. */
function cardActionOf(activity: TurnContext['activity']): { invoke: boolean; data: unknown } | undefined {
  if (activity.type === ActivityTypes.Invoke && activity.name === 'adaptiveCard/action') {
    const action = (activity.value as { action?: { verb?: unknown; data?: unknown } } | undefined)?.action;
    const data = typeof action?.data === 'object' && action.data !== null ? action.data : {};
    return { invoke: true, data: { ...data, ...(typeof action?.verb === 'string' && { ticketCard: action.verb }) } };
  }
  const value = activity.value as Record<string, unknown> | undefined;
  if (activity.type === ActivityTypes.Message && typeof value === 'object' && value !== null && 'ticketCard' in value) return { invoke: false, data: value };
  return undefined;
}

interface Answer {
  card(card: AdaptiveCard): Promise<void>;
  message(text: string): Promise<void>;
  problem(status: number, text: string): Promise<void>;
}

/** Universal Actions' answers: the card to show, a message to show instead, or an error. */
function invokeAnswer(context: TurnContext): Answer {
  const respond = (body: unknown) => context.sendActivity({ type: ActivityTypes.InvokeResponse, value: { status: 200, body } }).then(() => undefined);
  return {
    card: (card) => respond({ statusCode: 200, type: ADAPTIVE_CARD_CONTENT_TYPE, value: card }),
    message: (text) => respond({ statusCode: 200, type: 'application/vnd.microsoft.activity.message', value: text }),
    problem: (status, text) => respond({ statusCode: status, type: 'application/vnd.microsoft.error', value: { code: status === 404 ? 'NotFound' : 'BadRequest', message: text } }),
  };
}

/** Action.Submit's: the card is updated where it was posted; anything to say is a reply in the thread. */
function messageAnswer(context: TurnContext): Answer {
  const say = (text: string) => context.sendActivity(text).then(() => undefined);
  return { card: async () => undefined, message: say, problem: (_status, text) => say(text) };
}
