import type { Server } from 'restify';
import type { Logger } from '../log';
import { createRateLimit } from '../server/rateLimit';
import { registerLocalDirectLine, type LocalDirectLine } from './index';
import { createForwarderProof, type ForwarderProof } from './forwarderProof';
import { azureSessions, localSessions, registerTokenEndpoint, type SessionSource } from './tokenEndpoint';

export interface WebChatDirectLineOptions {
  /** DIRECT_LINE_SECRET: set, the page gets its tokens from Azure's Direct Line. */
  secret?: string;
  /** DIRECT_LINE_ENDPOINT. */
  endpoint: string;
  /** MicrosoftAppId: set, requests to /api/messages need Bot Framework tokens the local Direct Line can't send. */
  appId?: string;
  /** PUBLIC_URL, for the local Direct Line's WebSocket address behind a proxy. */
  publicUrl?: string;
  log: Logger;
  /** What the local Direct Line attaches to prove it forwarded an activity; /api/messages must check the same one. */
  forwarderProof?: ForwarderProof;
  fetch?: typeof globalThis.fetch;
}

export interface WebChatDirectLine {
  /** The in-process Direct Line, when this server runs one (no DIRECT_LINE_SECRET, auth off). */
  localDirectLine?: LocalDirectLine;
  /** Before the server closes: lets the local Direct Line's deliveries finish (see LocalDirectLine.close). */
  close(): Promise<void>;
}

/**
 * The Direct Line the candidate page talks through, and `POST /api/directline/token` for it.
 *
 * With DIRECT_LINE_SECRET, Azure's. Without it and with auth off, the local one. With
 * MicrosoftAppId set but no secret (a Teams-only bot), none: the local one can't pass the bot's
 * token check, so the page says chat is unavailable instead of failing on every message.
 */
export function registerWebChatDirectLine(server: Server, { secret, endpoint, appId, publicUrl, log, forwarderProof, fetch }: WebChatDirectLineOptions): WebChatDirectLine {
  const newChats = createRateLimit({ burst: 30, perMinute: 30 });
  let localDirectLine: LocalDirectLine | undefined;
  let sessions: SessionSource | undefined;
  if (secret) {
    sessions = azureSessions({ secret, endpoint, fetch });
  } else if (runsLocalDirectLine({ secret, appId })) {
    localDirectLine = registerLocalDirectLine(server, { rateLimit: newChats, log, publicUrl, proof: forwarderProof ?? createForwarderProof() });
    sessions = localSessions(localDirectLine.conversations);
    log.info('web chat uses the local Direct Line (set DIRECT_LINE_SECRET to use Azure\'s)');
  } else {
    log.warn('web chat is unavailable: MicrosoftAppId is set but DIRECT_LINE_SECRET is not');
  }
  registerTokenEndpoint(server, { sessions, rateLimit: newChats, log });
  return {
    localDirectLine,
    close: async () => localDirectLine?.close(),
  };
}

/** Whether this server runs its own Direct Line: no Azure one configured, and auth off (it sends no tokens). */
export function runsLocalDirectLine({ secret, appId }: { secret?: string; appId?: string }): boolean {
  return !secret && !appId;
}
