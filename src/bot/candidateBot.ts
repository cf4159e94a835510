import { ActivityTypes, TurnContext } from 'botbuilder';
import { conversationKey } from '../conversation/turns';
import type { TurnHandler } from '../conversation/handleTurn';
import type { TurnOrigin } from '../conversation/turnOrigin';
import { deviceFrom, toCandidateInput } from './toCandidateInput';
import { toActivity } from './toActivity';
import type { CardActionHandler } from './recruiterCardActions';

/** Messages that aren't the candidate's: a recruiter registering a channel for ticket cards. */
export type SideCommand = (context: TurnContext, text: string) => Promise<boolean>;

export interface CandidateBotOptions {
  handleTurn: TurnHandler;
  sideCommands?: SideCommand[];
  /** A recruiter's click on a ticket card (an invoke, or a Submit's message), tried before anything else. */
  cardActions?: CardActionHandler;
  /** Told how many replies a turn sent, and on which channel (metrics). */
  onReplies?: (sent: { channel: string; count: number }) => void;
}

/** The turn's origin as the conversation layer knows it: ids, locale, and how to reach the chat later. */
export function originOf(context: TurnContext): TurnOrigin {
  const { activity } = context;
  return {
    key: conversationKey(activity.channelId, activity.conversation.id),
    channelId: activity.channelId,
    locale: activity.locale,
    reference: () => ({ ...TurnContext.getConversationReference(activity) }),
  };
}

/**
 * The bot's turn logic, and the only place where Bot Framework activities meet the conversation:
 * an activity becomes the candidate's input (and what it says of their device), the turn is
 * handled, and its replies become activities.
 */
export function createCandidateBot({ handleTurn, sideCommands = [], cardActions, onReplies }: CandidateBotOptions) {
  return async function candidateBot(context: TurnContext): Promise<void> {
    const { activity } = context;
    if (cardActions && (await cardActions(context))) return;
    // Invokes (message extensions, card actions we don't offer) are acknowledged, not answered:
    // botbuilder would otherwise report 501 to the channel for every one.
    if (activity.type === ActivityTypes.Invoke) {
      await context.sendActivity({ type: ActivityTypes.InvokeResponse, value: { status: 200 } });
      return;
    }
    const input = toCandidateInput(activity);
    if (input?.kind === 'text') {
      for (const command of sideCommands) if (await command(context, input.text)) return;
    }

    const { replies, runCheckInPage } = await handleTurn(originOf(context), input, deviceFrom(activity));
    if (replies.length > 0) await context.sendActivities(replies.map((reply) => toActivity(reply, activity.channelId)));
    onReplies?.({ channel: activity.channelId, count: replies.length });
    if (runCheckInPage) await context.sendActivity({ type: ActivityTypes.Event, name: 'webchat/device-check/run' });
  };
}
