import { randomBytes } from 'node:crypto';
import type { Request, Response, Server } from 'restify';
import { z } from 'zod';
import type { Logger } from '../log';
import { clientAddress } from '../server/clientAddress';
import type { RateLimit } from '../server/rateLimit';
import { replyJson } from '../server/replyJson';
import type { Conversations } from './conversations';
import { DIRECT_LINE_PATH } from './clientRoutes';
import { sendError } from '../server/sendError';

/** What the page gets from POST /api/directline/token, whichever Direct Line serves it. */
export interface WebChatSession {
  token: string;
  conversationId: string;
  userId: string;
  /** Seconds the token lives; Web Chat refreshes it halfway. */
  expiresIn: number;
  /** Direct Line's base URL for Web Chat's `domain` (relative for the local one). */
  domain: string;
}

/** Mints sessions: from Azure with the channel secret, or from the local Direct Line (for this client address). */
export type SessionSource = (client: string) => Promise<WebChatSession>;

export interface AzureSessionOptions {
  secret: string;
  /** DIRECT_LINE_ENDPOINT, e.g. https://directline.botframework.com. */
  endpoint: string;
  fetch?: typeof globalThis.fetch;
  timeoutMs?: number;
  newUserId?: () => string;
}

const GeneratedToken = z.object({ conversationId: z.string().min(1), token: z.string().min(1), expires_in: z.number().int().positive().optional() });

/** Azure's Direct Line refused or didn't answer; the page is told to try later, never why. */
export class DirectLineTokenError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'DirectLineTokenError';
  }
}

/**
 * Exchanges the channel secret for a conversation token bound to a fresh user id. The secret
 * never reaches the browser; the `dl_` prefix tells Direct Line the id is embedded in the token,
 * so the page can't speak as someone else.
 */
export function azureSessions({ secret, endpoint, fetch = globalThis.fetch, timeoutMs = 10_000, newUserId = randomUserId }: AzureSessionOptions): SessionSource {
  const domain = `${endpoint}${DIRECT_LINE_PATH}`;
  return async function generateAzureToken() {
    const userId = newUserId();
    let response: globalThis.Response;
    try {
      response = await fetch(`${domain}/tokens/generate`, {
        method: 'POST',
        headers: { authorization: `Bearer ${secret}`, 'content-type': 'application/json' },
        body: JSON.stringify({ user: { id: userId } }),
        signal: AbortSignal.timeout(timeoutMs),
      });
    } catch (error) {
      throw new DirectLineTokenError(`Direct Line did not answer (${error instanceof Error ? error.name : 'error'})`);
    }
    if (!response.ok) {
      await response.body?.cancel();
      throw new DirectLineTokenError(`Direct Line answered ${response.status}`);
    }
    const parsed = GeneratedToken.safeParse(await response.json().catch(() => undefined));
    if (!parsed.success) throw new DirectLineTokenError('Direct Line answered without a token');
    return { token: parsed.data.token, conversationId: parsed.data.conversationId, userId, expiresIn: parsed.data.expires_in ?? 1800, domain };
  };
}

/** A session with the local Direct Line: its conversation starts when Web Chat connects. */
export function localSessions(conversations: Conversations): SessionSource {
  return async function createLocalSession(client) {
    const { conversation, token } = conversations.create(client);
    return { token, conversationId: conversation.id, userId: conversation.userId, expiresIn: conversations.tokenSeconds, domain: DIRECT_LINE_PATH };
  };
}

export interface TokenEndpointOptions {
  /** Undefined when no Direct Line is available (MicrosoftAppId set without DIRECT_LINE_SECRET). */
  sessions: SessionSource | undefined;
  rateLimit: RateLimit;
  log: Logger;
}

/** POST /api/directline/token: what the candidate page calls first. */
export function registerTokenEndpoint(server: Server, { sessions, rateLimit, log }: TokenEndpointOptions): void {
  server.post('/api/directline/token', async function issueDirectLineToken(req: Request, res: Response) {
    res.header('Cache-Control', 'no-store');
    if (!sessions) {
      return sendError(res, 503, 'webchat_unavailable', 'Web chat is not set up on this server (set DIRECT_LINE_SECRET).');
    }
    const client = clientAddress(req);
    if (!rateLimit.allow(client)) {
      res.header('Retry-After', String(rateLimit.retryAfter(client)));
      return sendError(res, 429, 'rate_limited', 'Too many chats started from this address. Please wait a minute.');
    }
    try {
      res.json(200, await sessions(client));
    } catch (error) {
      log.error({ err: error instanceof Error ? { name: error.name, message: error.message } : String(error) }, 'no Direct Line token');
      sendError(res, 502, 'directline_unavailable', 'The chat service is not available right now. Please try again in a few minutes.');
    }
  });
}

function randomUserId(): string {
  return `dl_${randomBytes(16).toString('base64url')}`;
}
