import type { ConversationReference } from 'botbuilder';
import type { BotAdapter } from './adapter';
import type { TurnHandler } from '../conversation/handleTurn';
import type { ConversationReferences } from '../conversation/references';
import type { DeviceCheckResult } from '../device/checkResult';
import type { Logger } from '../log';
import { toActivity } from './toActivity';

/**
 * A check run through the link (on the interview device) answers in the conversation that asked
 * for it: the result is one more turn of that conversation, and its replies are sent proactively.
 */
export function createDeviceCheckReceiver(options: { adapter: BotAdapter; appId: string; handleTurn: TurnHandler; references: ConversationReferences; log: Logger }) {
  const { adapter, appId, handleTurn, references, log } = options;
  return async function onDeviceCheckResult(conversationKey: string, result: DeviceCheckResult): Promise<void> {
    const reference = (await references.get(conversationKey)) ?? {};
    const channelId = typeof reference.channelId === 'string' ? reference.channelId : '';
    const locale = typeof reference.locale === 'string' ? reference.locale : undefined;
    const { replies } = await handleTurn({ key: conversationKey, channelId, locale, reference: () => reference }, { kind: 'device-check', result });
    log.info({ getUserMedia: result.getUserMedia, replies: replies.length }, 'device check result received');
    if (!reference.conversation || replies.length === 0) return;
    try {
      await adapter.sendProactively(appId, reference as Partial<ConversationReference>, replies.map((reply) => toActivity(reply, channelId)));
    } catch (error) {
      // The result is saved and the candidate's next message continues from it; only the prompt answer was lost.
      const status = (error as { statusCode?: unknown }).statusCode;
      log.warn({ status: typeof status === 'number' ? status : undefined }, 'device check result saved, but its answer could not be posted to the chat');
    }
  };
}
