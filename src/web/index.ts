import type { AddressInfo } from 'node:net';
import type { Server } from 'restify';
import type { Logger } from '../log';
import { registerDeviceCheckEndpoint, type DeviceCheckResultHandler } from '../deviceCheck/endpoint';
import type { DeviceCheckLinks } from '../deviceCheck/links';
import type { LoadedTexts } from '../languages';
import { loadPageFiles } from './pageFiles';
import { registerPages } from './pages';
import type { PageReply } from './chatHtml';
import { PLAIN_CHAT_CHANNEL, registerPlainChat, type PlainChatTurn } from './plainChat';
import { createRateLimit } from '../server/rateLimit';
import { pageSecurityHeaders } from './securityHeaders';

export { loadPageTexts } from './pageTexts';
export { PLAIN_CHAT_CHANNEL };

export interface CandidatePagesOptions {
  /** The origin of Azure's Direct Line the page may connect to; unset with the local one (same origin). */
  directLineOrigin?: string;
  /** PUBLIC_URL, where candidates reach this server. */
  publicUrl?: string;
  log: Logger;
  /** The pages' words in every language (loadPageTexts), checked at start-up. */
  texts: Pick<LoadedTexts, 'languages' | 'texts'>;
  deviceCheckLinks: Pick<DeviceCheckLinks, 'verify'>;
  /** Where a device check from a link ends up (the conversation's engine). */
  onDeviceCheckResult: DeviceCheckResultHandler;
  /** What the bot says first, by language: rendered into the chat page, so it shows before any script runs. */
  greetings: Record<string, readonly PageReply[]>;
  /** A turn of the chat without script (/chat), run by the conversation layer. */
  plainChat: PlainChatTurn;
}

/**
 * What a candidate's browser loads from this server: the chat page and its files, the chat
 * without script, and the device-check page and endpoint. The Direct Line Web Chat talks through
 * is src/directline's.
 */
export function registerCandidatePages(server: Server, options: CandidatePagesOptions): void {
  const { directLineOrigin, publicUrl, log, texts, deviceCheckLinks, onDeviceCheckResult, greetings, plainChat } = options;
  const deviceChecks = createRateLimit({ burst: 10, perMinute: 10 });
  const pageHeaders = pageSecurityHeaders({ directLineOrigin, publicUrl });
  const { assetUrl } = registerPages(server, { files: loadPageFiles(), links: deviceCheckLinks, texts, pageHeaders, greetings });
  registerPlainChat(server, {
    turn: plainChat,
    texts,
    pageHeaders,
    styleUrl: assetUrl('styles.css'),
    // A person reads each answer before the next click: a few a minute, with room for a quick one.
    rateLimit: createRateLimit({ burst: 20, perMinute: 30 }),
    secureCookie: publicUrl?.startsWith('https:') ?? false,
    log,
  });
  registerDeviceCheckEndpoint(server, { links: deviceCheckLinks, onResult: onDeviceCheckResult, rateLimit: deviceChecks, log });
}

/** PUBLIC_URL, or this server on localhost (development): the base of links sent to candidates. */
export function publicUrlOf(publicUrl: string | undefined, server: Server): () => string {
  return () => publicUrl ?? `http://localhost:${(server.address() as AddressInfo | null)?.port ?? 3978}`;
}
