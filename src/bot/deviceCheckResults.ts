import type { ConversationReference } from 'botbuilder';
import type { BotAdapter } from './adapter';
import type { TurnRunner } from '../conversation/turns';
import type { ConversationReferences } from '../conversation/references';
import type { DeviceCheckResult } from '../deviceCheck/result';
import type { Logger } from '../log';
import { toActivity } from './toActivity';

/**
 * A check run through the link (on the interview device) answers in the conversation that asked
 * for it: the result is one more turn of that conversation, and its replies are sent proactively.
 */
export function createDeviceCheckReceiver(options: { adapter: BotAdapter; appId: string; turns: TurnRunner; references: ConversationReferences; log: Logger }) {
  const { adapter, appId, turns, references, log } = options;
  return async function onDeviceCheckResult(conversationKey: string, result: DeviceCheckResult): Promise<void> {
    const outcome = await turns.run(conversationKey, { kind: 'device-check', result });
    const reference = await references.get(conversationKey);
    log.info({ getUserMedia: result.getUserMedia, replies: outcome.replies.length }, 'device check result received');
    if (!reference || outcome.replies.length === 0) return;
    await adapter.continueConversationAsync(appId, reference as Partial<ConversationReference>, async (context) => {
      await context.sendActivities(outcome.replies.map((reply) => toActivity(reply, {}, context.activity.channelId)));
    });
  };
}
