import type { AddressInfo } from 'node:net';
import type { Server } from 'restify';
import type { Config } from '../config/config';
import type { Logger } from '../log';
import { registerDeviceCheckEndpoint, type DeviceCheckResultHandler } from '../deviceCheck/endpoint';
import type { DeviceCheckLinks } from '../deviceCheck/links';
import { azureSessions, createForwarderProof, localSessions, registerLocalDirectLine, registerTokenEndpoint, type ForwarderProof, type LocalDirectLine, type SessionSource } from '../directline';
import { loadPublicFiles, loadWebChatBundle } from './assets';
import { registerPages } from './pages';
import { createRateLimit } from '../server/rateLimit';
import { pageSecurityHeaders } from './securityHeaders';

export interface WebChatOptions {
  config: Pick<Config, 'DIRECT_LINE_SECRET' | 'DIRECT_LINE_ENDPOINT' | 'PUBLIC_URL' | 'MicrosoftAppId'>;
  log: Logger;
  deviceCheckLinks: Pick<DeviceCheckLinks, 'verify'>;
  /** Where a device check from a link ends up (the conversation's engine). */
  onDeviceCheckResult: DeviceCheckResultHandler;
  /** What the local Direct Line attaches to prove it forwarded an activity; /api/messages must check the same one. */
  forwarderProof?: ForwarderProof;
  fetch?: typeof globalThis.fetch;
}

export interface WebChat {
  /** The in-process Direct Line, when this server runs one (no DIRECT_LINE_SECRET, auth off). */
  localDirectLine?: LocalDirectLine;
  /** Before the server closes: lets the local Direct Line's deliveries finish (see LocalDirectLine.close). */
  close(): Promise<void>;
}

/**
 * Everything a candidate's browser talks to: the chat page and its files, a Direct Line token,
 * the local Direct Line in development, and the device-check page and endpoint.
 *
 * Which Direct Line: with DIRECT_LINE_SECRET, Azure's. Without it and with auth off, the local one.
 * With MicrosoftAppId set but no secret (a Teams-only bot), none: the local one can't pass the
 * bot's token check, so the page says chat is unavailable instead of failing on every message.
 */
export function registerWebChat(server: Server, { config, log, deviceCheckLinks, onDeviceCheckResult, forwarderProof, fetch }: WebChatOptions): WebChat {
  const newChats = createRateLimit({ burst: 30, perMinute: 30 });
  const deviceChecks = createRateLimit({ burst: 10, perMinute: 10 });

  let localDirectLine: LocalDirectLine | undefined;
  let sessions: SessionSource | undefined;
  if (config.DIRECT_LINE_SECRET) {
    sessions = azureSessions({ secret: config.DIRECT_LINE_SECRET, endpoint: config.DIRECT_LINE_ENDPOINT, fetch });
  } else if (runsLocalDirectLine(config)) {
    localDirectLine = registerLocalDirectLine(server, { rateLimit: newChats, log, publicUrl: config.PUBLIC_URL, proof: forwarderProof ?? createForwarderProof() });
    sessions = localSessions(localDirectLine.conversations);
    log.info('web chat uses the local Direct Line (set DIRECT_LINE_SECRET to use Azure\'s)');
  } else {
    log.warn('web chat is unavailable: MicrosoftAppId is set but DIRECT_LINE_SECRET is not');
  }
  registerTokenEndpoint(server, { sessions, rateLimit: newChats, log });

  registerPages(server, {
    files: loadPublicFiles(),
    webChatBundle: loadWebChatBundle(),
    links: deviceCheckLinks,
    pageHeaders: pageSecurityHeaders({
      directLineOrigin: config.DIRECT_LINE_SECRET ? new URL(config.DIRECT_LINE_ENDPOINT).origin : undefined,
      publicUrl: config.PUBLIC_URL,
    }),
  });
  registerDeviceCheckEndpoint(server, { links: deviceCheckLinks, onResult: onDeviceCheckResult, rateLimit: deviceChecks, log });

  return {
    localDirectLine,
    close: async () => localDirectLine?.close(),
  };
}

/** Whether this server runs its own Direct Line: no Azure one configured, and auth off (it sends no tokens). */
export function runsLocalDirectLine(config: Pick<Config, 'DIRECT_LINE_SECRET' | 'MicrosoftAppId'>): boolean {
  return !config.DIRECT_LINE_SECRET && !config.MicrosoftAppId;
}

/** PUBLIC_URL, or this server on localhost (development): the base of links sent to candidates. */
export function publicUrlOf(config: Pick<Config, 'PUBLIC_URL'>, server: Server): () => string {
  return () => config.PUBLIC_URL ?? `http://localhost:${(server.address() as AddressInfo | null)?.port ?? 3978}`;
}
