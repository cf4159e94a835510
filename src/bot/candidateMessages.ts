import type { ConversationReference } from 'botbuilder';
import type { BotAdapter } from './adapter';

/**
 * A message into a candidate's own conversation, from outside a turn (a recruiter's reply): the
 * tickets layer hands over the stored reference and the Markdown, and never sees botbuilder.
 * Rejects as the channel refused (`statusCode` 403/404 when the bot was removed or the chat is gone).
 */
export function candidateMessenger(adapter: BotAdapter, appId: string) {
  return async function sendToCandidate(reference: Record<string, unknown>, markdown: string): Promise<void> {
    await adapter.sendProactively(appId, reference as Partial<ConversationReference>, [{ type: 'message', text: markdown, textFormat: 'markdown' }]);
  };
}
