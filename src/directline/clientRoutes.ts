import type { Request, Response, Server } from 'restify';
import type { Logger } from '../log';
import { clientAddress } from '../server/clientAddress';
import type { RateLimit } from '../server/rateLimit';
import { replyJson } from '../server/replyJson';
import type { Conversation, Conversations, StoredActivity, TokenCheck } from './conversations';
import { BotUnavailableError, type BotForwarder } from './forwardToBot';
import { PageActivity } from './pageActivity';

export const DIRECT_LINE_PATH = '/v3/directline';
export const CHANNEL_ID = 'webchat';

export interface ClientRoutesOptions {
  conversations: Conversations;
  forwardToBot: BotForwarder;
  bot: { id: string; name: string };
  /** Limits conversations started without a token (each one is kept in memory). */
  rateLimit: RateLimit;
  /** PUBLIC_URL: the WebSocket address is built from it; otherwise from the request's Host. */
  publicUrl?: string;
  now?: () => Date;
  log: Logger;
}

/**
 * The page's side of Direct Line 3.0, as Web Chat's DirectLineJS uses it: start or reconnect to a
 * conversation, refresh the token, post an activity, poll for activities. Every call but starting
 * a conversation needs a token, and a token only opens its own conversation.
 */
export function registerClientRoutes(server: Server, options: ClientRoutesOptions): void {
  const { conversations, forwardToBot, bot, rateLimit, publicUrl, now = () => new Date(), log } = options;
  const tokenSeconds = conversations.tokenSeconds;

  /** One after the other per conversation: the bot must see the candidate's activities in order. */
  function forward(conversation: Conversation, activity: StoredActivity): Promise<void> {
    const delivery = conversation.forwarding.then(() => forwardToBot(activity));
    conversation.forwarding = delivery.catch(() => undefined);
    return delivery;
  }

  function start(conversation: Conversation): void {
    if (conversation.started) return;
    conversation.started = true;
    // As a channel does: the bot learns the candidate joined and may greet them.
    const joined: StoredActivity = {
      id: `${conversation.id}|start`,
      type: 'conversationUpdate',
      timestamp: now().toISOString(),
      channelId: CHANNEL_ID,
      conversation: { id: conversation.id },
      from: { id: conversation.userId, role: 'user' },
      membersAdded: [{ id: conversation.userId }, { id: bot.id, name: bot.name }],
    };
    forward(conversation, joined).catch((error: unknown) => log.warn({ err: describe(error), conversationId: conversation.id }, 'bot not told of a new conversation'));
  }

  function streamUrl(req: Request, conversationId: string, token: string, watermark = ''): string {
    const base = publicUrl ?? `http://${req.headers.host ?? 'localhost'}`;
    const url = new URL(`${DIRECT_LINE_PATH}/conversations/${conversationId}/stream`, base.replace(/^http/, 'ws'));
    url.searchParams.set('watermark', watermark);
    url.searchParams.set('t', token);
    return url.href;
  }

  /** The conversation the bearer token opens, or undefined once the refusal is sent. */
  function authorized(req: Request, res: Response, conversationId?: string): Conversation | undefined {
    res.header('Cache-Control', 'no-store');
    const check: TokenCheck = conversations.check(bearerToken(req), conversationId);
    if (check.ok) return check.conversation;
    res.json(check.status, { error: { code: check.code, message: REFUSALS[check.code] } });
    return undefined;
  }

  server.post(`${DIRECT_LINE_PATH}/conversations`, async function startConversation(req: Request, res: Response) {
    let conversation: Conversation | undefined;
    let token: string;
    if (bearerToken(req)) {
      conversation = authorized(req, res);
      if (!conversation) return;
      token = conversations.newToken(conversation);
    } else {
      res.header('Cache-Control', 'no-store');
      if (!rateLimit.allow(clientAddress(req))) return tooMany(res, rateLimit.retryAfter(clientAddress(req)));
      ({ conversation, token } = conversations.create(clientAddress(req)));
    }
    const isNew = !conversation.started;
    start(conversation);
    res.json(isNew ? 201 : 200, { conversationId: conversation.id, token, expires_in: tokenSeconds, streamUrl: streamUrl(req, conversation.id, token) });
  });

  server.get(`${DIRECT_LINE_PATH}/conversations/:conversationId`, async function reconnect(req: Request, res: Response) {
    const conversation = authorized(req, res, param(req, 'conversationId'));
    if (!conversation) return;
    start(conversation);
    const token = conversations.newToken(conversation);
    const watermark = query(req, 'watermark') ?? '';
    res.json(200, { conversationId: conversation.id, token, expires_in: tokenSeconds, streamUrl: streamUrl(req, conversation.id, token, watermark) });
  });

  server.post(`${DIRECT_LINE_PATH}/tokens/refresh`, async function refreshToken(req: Request, res: Response) {
    const conversation = authorized(req, res);
    if (!conversation) return;
    res.json(200, { conversationId: conversation.id, token: conversations.newToken(conversation), expires_in: tokenSeconds });
  });

  server.post(`${DIRECT_LINE_PATH}/conversations/:conversationId/activities`, async function postActivity(req: Request, res: Response) {
    const conversation = authorized(req, res, param(req, 'conversationId'));
    if (!conversation) return;
    const parsed = PageActivity.safeParse(req.body);
    if (!parsed.success) {
      const problems = parsed.error.issues.map((i) => `${i.path.join('.') || 'body'}: ${i.message}`);
      return replyJson(res, 400, { error: { code: 'BadArgument', message: `Not an activity Direct Line accepts. ${problems.join('; ')}` } });
    }
    const { from, ...fields } = parsed.data;
    const stored = conversations.append(conversation.id, {
      ...fields,
      timestamp: now().toISOString(),
      channelId: CHANNEL_ID,
      conversation: { id: conversation.id },
      from: { id: conversation.userId, ...(from?.name && { name: from.name }), role: 'user' },
    });
    if (!stored) return replyJson(res, 404, { error: { code: 'BadArgument', message: 'The conversation has ended.' } });
    start(conversation);
    try {
      await forward(conversation, stored);
    } catch (error) {
      log.warn({ err: describe(error), conversationId: conversation.id, type: stored.type }, 'activity not delivered to the bot');
      const status = error instanceof BotUnavailableError && error.status === undefined ? 504 : 502;
      return replyJson(res, status, { error: { code: 'BotError', message: 'The bot did not accept the activity.' } });
    }
    res.json(200, { id: stored.id });
  });

  server.get(`${DIRECT_LINE_PATH}/conversations/:conversationId/activities`, async function getActivities(req: Request, res: Response) {
    const conversation = authorized(req, res, param(req, 'conversationId'));
    if (!conversation) return;
    res.json(200, conversations.after(conversation.id, query(req, 'watermark')));
  });
}

const REFUSALS: Record<Exclude<TokenCheck, { ok: true }>['code'], string> = {
  MissingToken: 'Send the conversation token as "Authorization: Bearer <token>".',
  BadToken: 'The token is not valid (or its conversation ended): start a new conversation.',
  TokenExpired: 'The token expired: start a new conversation.',
  WrongConversation: 'The token belongs to another conversation.',
};

export function bearerToken(req: Request): string | undefined {
  const match = /^Bearer\s+(\S+)\s*$/i.exec(req.headers.authorization ?? '');
  return match?.[1];
}

function param(req: Request, name: string): string {
  return String((req.params as Record<string, unknown> | undefined)?.[name] ?? '');
}

function query(req: Request, name: string): string | null {
  return new URL(req.url ?? '/', 'http://localhost').searchParams.get(name);
}

function tooMany(res: Response, retryAfter: number): void {
  res.header('Retry-After', String(retryAfter));
  res.json(429, { error: { code: 'TooManyRequests', message: 'Too many new conversations from this address; try again in a minute.' } });
}

function describe(error: unknown) {
  return error instanceof Error ? { name: error.name, message: error.message } : String(error);
}
