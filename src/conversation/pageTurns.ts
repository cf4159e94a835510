import { parseWebChatJoin } from '../device';
import type { Reply } from '../engine/types';
import type { TurnHandler } from './handleTurn';
import { conversationKey } from './turns';

/** A turn of a chat the server renders as a page (src/web's plain chat): no Bot Framework activity, the same turn. */
export interface PageTurn {
  conversationId: string;
  /** The page showed the greeting; the conversation starts now, before its first message. */
  isNew: boolean;
  text: string;
  /** The page's language: the conversation starts in it. */
  language: string;
  /** The browser's, the only thing a page without script tells us of the device. */
  userAgent: string;
}

/**
 * Turns for the plain chat (src/web/plainChat.ts) on `channelId`. Its conversations can't be
 * reached later (no Bot Framework conversation to post to), so a device check's result or a
 * recruiter's reply shows on the candidate's next message or by email, never pushed.
 */
export function createPageTurns(handleTurn: TurnHandler, channelId: string) {
  return async function pageTurn({ conversationId, isNew, text, language, userAgent }: PageTurn): Promise<Reply[]> {
    const origin = {
      key: conversationKey(channelId, conversationId),
      channelId,
      locale: language,
      reference: () => ({ channelId, conversation: { id: conversationId }, locale: language }),
    };
    if (isNew) await handleTurn(origin, { kind: 'start' }, parseWebChatJoin({ userAgent, language }));
    const { replies } = await handleTurn(origin, { kind: 'text', text });
    return replies;
  };
}
