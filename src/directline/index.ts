import { randomBytes } from 'node:crypto';
import { isIPv6, type AddressInfo } from 'node:net';
import type { Server } from 'restify';
import type { Logger } from '../log';
import type { RateLimit } from '../server/rateLimit';
import { registerClientRoutes } from './clientRoutes';
import { CONNECTOR_PATH, registerConnectorRoutes } from './connectorRoutes';
import { createConversations, type Conversations, type ConversationsOptions } from './conversations';
import { createBotForwarder } from './forwardToBot';
import { createForwarderProof, type ForwarderProof } from './forwarderProof';
import { attachActivityStream } from './stream';

export { createForwarderProof, type ForwarderProof };
export { CHANNEL_ID as LOCAL_DIRECT_LINE_CHANNEL } from './clientRoutes';
export { azureSessions, localSessions, registerTokenEndpoint, type SessionSource, type WebChatSession } from './tokenEndpoint';

export interface LocalDirectLineOptions {
  rateLimit: RateLimit;
  log: Logger;
  /** PUBLIC_URL, for the WebSocket address behind a proxy. */
  publicUrl?: string;
  /** The bot as the page sees it. */
  bot?: { id: string; name: string };
  /** Attached to every activity forwarded to the bot; /api/messages checks it (see forwarderProof.ts). */
  proof: ForwarderProof;
  limits?: Omit<ConversationsOptions, 'now'>;
  now?: () => Date;
}

export interface LocalDirectLine {
  conversations: Conversations;
  /** Where the bot sends replies (the serviceUrl of every activity it gets from here). */
  readonly serviceUrl: string;
  /**
   * Lets deliveries in flight finish, then ends every stream. Call it before the server stops
   * accepting connections: the bot's replies to those deliveries come back through this server.
   */
  close(): Promise<void>;
}

const SWEEP_MS = 60_000;

/**
 * A small Direct Line 3.0 inside the bot's own server, for running the candidate page without an
 * Azure Bot resource. It talks to the bot over HTTP exactly as Azure's does, so what is tested
 * here is what runs in production, but it keeps everything in memory: development and tests only.
 */
export function registerLocalDirectLine(server: Server, options: LocalDirectLineOptions): LocalDirectLine {
  const { rateLimit, log, publicUrl, bot = { id: 'candidate-support-bot', name: 'Interview help' }, proof, limits, now = () => new Date() } = options;
  const conversations = createConversations({ ...limits, now: () => now().getTime() });
  const key = randomBytes(24).toString('base64url');
  // The server forwards to itself: over loopback when it listens everywhere, else at its one address.
  const origin = () => originOf(server.address() as AddressInfo);
  const serviceUrl = () => `${origin()}${CONNECTOR_PATH}/${key}/`;

  const forwardToBot = createBotForwarder({ botUrl: () => `${origin()}/api/messages`, serviceUrl, bot, proof });
  registerClientRoutes(server, { conversations, forwardToBot, bot, rateLimit, publicUrl, now, log });
  registerConnectorRoutes(server, { conversations, key, bot, now });
  const stream = attachActivityStream(server.server, conversations);

  const sweeper = setInterval(() => {
    const forgotten = conversations.sweep();
    if (forgotten > 0) log.debug({ forgotten, open: conversations.size }, 'idle web chat conversations forgotten');
  }, SWEEP_MS);
  sweeper.unref();

  return {
    conversations,
    get serviceUrl() {
      return serviceUrl();
    },
    async close() {
      clearInterval(sweeper);
      await conversations.delivered();
      stream.close();
      conversations.clear();
    },
  };
}

function originOf({ address, port }: AddressInfo): string {
  if (address === '0.0.0.0' || address === '::') return `http://127.0.0.1:${port}`;
  return isIPv6(address) ? `http://[${address}]:${port}` : `http://${address}:${port}`;
}
