import type { Request, Response, Server } from 'restify';
import { replyJson } from '../server/replyJson';
import { secretMatcher } from '../server/secretMatcher';
import type { Conversations } from './conversations';
import { CHANNEL_ID } from './clientRoutes';
import { pickBotFields } from './pageActivity';

export const CONNECTOR_PATH = '/directline-connector';

export interface ConnectorRoutesOptions {
  conversations: Conversations;
  /**
   * A random path segment in the serviceUrl the bot is given. With auth off the bot's replies carry
   * no token, so this is what keeps anyone else from posting "as the bot" into a conversation.
   */
  key: string;
  bot: { id: string; name: string };
  now?: () => Date;
}

/**
 * The Bot Connector side of the local Direct Line: the bot sends its replies to the serviceUrl it
 * was given (POST /v3/conversations/:id/activities[/:replyToId]); they are stored for the page's
 * stream and polls.
 */
export function registerConnectorRoutes(server: Server, { conversations, key, bot, now = () => new Date() }: ConnectorRoutesOptions): void {
  const isKey = secretMatcher(key);

  async function receiveFromBot(req: Request, res: Response) {
    const params = (req.params ?? {}) as { key?: string; conversationId?: string; activityId?: string };
    const conversation = params.conversationId ? conversations.get(params.conversationId) : undefined;
    // The same answer for a wrong key and an unknown conversation: neither is anyone's business.
    if (!isKey(params.key) || !conversation) {
      return replyJson(res, 404, { error: { code: 'NotFound', message: 'No such conversation.' } });
    }
    const body = req.body as Record<string, unknown> | undefined;
    if (typeof body !== 'object' || body === null || typeof body.type !== 'string') {
      return replyJson(res, 400, { error: { code: 'BadArgument', message: 'The body must be an activity with a type.' } });
    }
    const from = (body.from ?? {}) as { id?: unknown; name?: unknown };
    const stored = conversations.append(conversation.id, {
      ...pickBotFields(body),
      type: body.type,
      ...(params.activityId && { replyToId: params.activityId }),
      timestamp: now().toISOString(),
      channelId: CHANNEL_ID,
      conversation: { id: conversation.id },
      from: { id: typeof from.id === 'string' ? from.id : bot.id, name: typeof from.name === 'string' ? from.name : bot.name, role: 'bot' },
    });
    res.json(200, { id: stored?.id });
  }

  server.post(`${CONNECTOR_PATH}/:key/v3/conversations/:conversationId/activities`, receiveFromBot);
  server.post(`${CONNECTOR_PATH}/:key/v3/conversations/:conversationId/activities/:activityId`, receiveFromBot);
}
