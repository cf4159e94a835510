import type { AddressInfo } from 'node:net';
import type { Server } from 'restify';
import type { Logger } from '../log';
import { registerDeviceCheckEndpoint, type DeviceCheckResultHandler } from '../deviceCheck/endpoint';
import type { DeviceCheckLinks } from '../deviceCheck/links';
import type { LoadedTexts } from '../languages';
import { loadPublicFiles, loadWebChatBundle } from './assets';
import { registerPages } from './pages';
import { createRateLimit } from '../server/rateLimit';
import { pageSecurityHeaders } from './securityHeaders';

export { loadPageTexts } from './pageTexts';

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
}

/**
 * What a candidate's browser loads from this server: the chat page and its files, and the
 * device-check page and endpoint. The Direct Line it chats through is src/directline's.
 */
export function registerCandidatePages(server: Server, { directLineOrigin, publicUrl, log, texts, deviceCheckLinks, onDeviceCheckResult }: CandidatePagesOptions): void {
  const deviceChecks = createRateLimit({ burst: 10, perMinute: 10 });
  registerPages(server, {
    files: loadPublicFiles(),
    webChatBundle: loadWebChatBundle(),
    links: deviceCheckLinks,
    texts,
    pageHeaders: pageSecurityHeaders({ directLineOrigin, publicUrl }),
  });
  registerDeviceCheckEndpoint(server, { links: deviceCheckLinks, onResult: onDeviceCheckResult, rateLimit: deviceChecks, log });
}

/** PUBLIC_URL, or this server on localhost (development): the base of links sent to candidates. */
export function publicUrlOf(publicUrl: string | undefined, server: Server): () => string {
  return () => publicUrl ?? `http://localhost:${(server.address() as AddressInfo | null)?.port ?? 3978}`;
}
