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
    const channelId = typeof reference.channelId === 'string' ? reference.channelId : '';
    const activities = outcome.replies.map((reply) => toActivity(reply, {}, channelId));
    try {
      await adapter.sendProactively(appId, reference as Partial<ConversationReference>, activities);
    } catch (error) {
      // The result is saved and the candidate's next message continues from it; only the prompt answer was lost.
      const status = (error as { statusCode?: unknown }).statusCode;
      log.warn({ status: typeof status === 'number' ? status : undefined }, 'device check result saved, but its answer could not be posted to the chat');
    }
  };
}
