import { randomBytes, randomUUID } from 'node:crypto';
import type { Sent } from './plans';

/** Replies to expectReplies come back in the HTTP response; nothing is ever sent to this address. */
const SERVICE_URL = 'http://127.0.0.1:9/';

/** A Direct Line style conversation: its own id and the candidate's anonymous Web Chat user id. */
export interface ChatIdentity {
  conversationId: string;
  userId: string;
  locale: string;
}

export function newChatIdentity(locale = 'en-US'): ChatIdentity {
  return { conversationId: `${randomBytes(16).toString('base64url')}-bench`, userId: `dl_${randomUUID().replaceAll('-', '')}`, locale };
}

/**
 * The activity Web Chat posts through Direct Line, asking for the replies in the response. Sent as
 * the Emulator: with authentication off the server takes `webchat` activities only from its own
 * local Direct Line (SECURITY.md), and the bot's work per turn is the same on either channel.
 */
export function webChatActivity(chat: ChatIdentity, sent: Sent): string {
  return JSON.stringify({
    ...sent,
    id: randomUUID(),
    channelId: 'emulator',
    serviceUrl: SERVICE_URL,
    conversation: { id: chat.conversationId },
    from: { id: chat.userId, role: 'user' },
    recipient: { id: 'candidate-support-bot', name: 'Candidate support', role: 'bot' },
    locale: chat.locale,
    timestamp: new Date().toISOString(),
    ...(sent.type === 'message' && { textFormat: 'plain' }),
    channelData: { clientActivityID: `${Date.now()}${randomBytes(4).toString('hex')}` },
    deliveryMode: 'expectReplies',
  });
}
