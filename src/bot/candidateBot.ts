import { ActivityTypes, TurnContext, type ConversationReference } from 'botbuilder';
import type { Effect } from '../engine/types';
import type { TurnRunner } from '../conversation/turns';
import { conversationKey } from '../conversation/turns';
import type { DeviceProfiles } from '../conversation/deviceProfiles';
import type { ConversationReferences } from '../conversation/references';
import type { Logger } from '../log';
import { deviceFrom, toCandidateInput } from './toCandidateInput';
import { toActivity } from './toActivity';

/** Where a turn came from, for effects that reply later or record the channel (tickets). */
export interface TurnOrigin {
  key: string;
  channelId: string;
  locale?: string;
  reference: Partial<ConversationReference>;
}

/**
 * Performs a turn's effects (open a ticket, record an outcome) and returns values the replies may
 * name, e.g. `{ ticketId: "CS-000123" }` for "Your ticket number is {ticketId}".
 */
export type EffectHandler = (effects: Effect[], origin: TurnOrigin) => Promise<Record<string, string>>;

/** Messages that aren't the candidate's: a recruiter registering a channel for ticket cards. */
export type SideCommand = (context: TurnContext, text: string) => Promise<boolean>;

/** How the camera and microphone check reaches a candidate whose chat can't run it (Teams). */
export interface DeviceCheckLinking {
  linkFor(conversationKey: string): string;
  /** The text carrying the link; `{link}` is replaced. */
  text: string;
  references: ConversationReferences;
}

export interface CandidateBotOptions {
  turns: TurnRunner;
  deviceCheck: DeviceCheckLinking;
  devices: DeviceProfiles;
  onEffects: EffectHandler;
  sideCommands?: SideCommand[];
  log: Logger;
}

/** The bot's turn logic: the only place where Bot Framework activities meet the conversation engine. */
/** Channels whose page is ours and runs the check itself when asked (src/web). */
const CHECKS_IN_PAGE = new Set(['webchat', 'directline']);

export function createCandidateBot({ turns, devices, deviceCheck, onEffects, sideCommands = [], log }: CandidateBotOptions) {
  async function requestDeviceCheck(context: TurnContext, key: string) {
    if (CHECKS_IN_PAGE.has(context.activity.channelId)) {
      await context.sendActivity({ type: ActivityTypes.Event, name: 'webchat/device-check/run' });
      return;
    }
    await deviceCheck.references.remember(key, TurnContext.getConversationReference(context.activity));
    await context.sendActivity({ type: 'message', text: deviceCheck.text.replace('{link}', deviceCheck.linkFor(key)), textFormat: 'markdown' });
  }

  return async function candidateBot(context: TurnContext): Promise<void> {
    const { activity } = context;
    // Invokes (message extensions, card actions we don't offer) are acknowledged, not answered:
    // botbuilder would otherwise report 501 to the channel for every one.
    if (activity.type === ActivityTypes.Invoke) {
      await context.sendActivity({ type: ActivityTypes.InvokeResponse, value: { status: 200 } });
      return;
    }
    let input = toCandidateInput(activity);
    const key = conversationKey(activity.channelId, activity.conversation.id);

    if (input?.kind === 'text') {
      for (const command of sideCommands) if (await command(context, input.text)) return;
    }

    const profile = deviceFrom(activity);
    const facts = profile && (await devices.remember(key, profile));
    if (facts && input?.kind === 'start') input = { ...input, device: facts };
    else if (facts) await turns.run(key, { kind: 'device', device: facts });
    if (!input) return;

    const outcome = await turns.run(key, input);
    log.debug({ channelId: activity.channelId, input: input.kind, state: outcome.state, replies: outcome.replies.length }, 'turn');
    const origin = (): TurnOrigin => ({ key, channelId: activity.channelId, locale: activity.locale, reference: TurnContext.getConversationReference(activity) });
    const values = outcome.effects.length > 0 ? await onEffects(outcome.effects, origin()) : {};
    if (outcome.replies.length > 0) await context.sendActivities(outcome.replies.map((reply) => toActivity(reply, values, activity.channelId)));
    if (outcome.effects.some((e) => e.type === 'request-device-check')) await requestDeviceCheck(context, key);
  };
}
