import type { Request, Response } from 'restify';

export interface PageSecurityOptions {
  /** Where Direct Line lives when it isn't this server (Azure's endpoint); undefined for the local one. */
  directLineOrigin?: string;
  /** PUBLIC_URL: the local Direct Line's stream is there when a proxy rewrites the Host header. */
  publicUrl?: string;
}

/**
 * Headers for the HTML pages. The Content-Security-Policy allows scripts from this server only
 * (Web Chat's bundle included: nothing loads from a CDN); Web Chat injects its styles at run time,
 * hence 'unsafe-inline' for styles alone. Camera and microphone stay allowed for the device check.
 */
export function pageSecurityHeaders({ directLineOrigin, publicUrl }: PageSecurityOptions) {
  const elsewhere: string[] = [];
  if (directLineOrigin) elsewhere.push(directLineOrigin, directLineOrigin.replace(/^http/, 'ws'));
  if (publicUrl) elsewhere.push(new URL(publicUrl).origin.replace(/^http/, 'ws'));
  return function setPageHeaders(req: Request, res: Response): void {
    const connect = [...new Set(["'self'", ...webSocketOrigins(req.headers.host), ...elsewhere])];
    const policy = [
      "default-src 'none'",
      "script-src 'self'",
      "style-src 'self' 'unsafe-inline'",
      "img-src 'self' data: blob:",
      "font-src 'self' data:",
      "media-src 'self' blob: data:",
      `connect-src ${connect.join(' ')}`,
      "base-uri 'none'",
      // The greeting's forms post to the plain chat (/chat) when no script takes them over.
      "form-action 'self'",
      "object-src 'none'",
    ];
    sendPageHeaders(res, policy, 'camera=(self), microphone=(self), geolocation=(), payment=()');
  };
}

/** What every HTML page of ours sends: its Content-Security-Policy and permissions, no sniffing, no referrer, revalidated. */
export function sendPageHeaders(res: Response, policy: readonly string[], permissions: string): void {
  res.setHeader('Content-Security-Policy', policy.join('; '));
  res.setHeader('X-Content-Type-Options', 'nosniff');
  res.setHeader('Referrer-Policy', 'no-referrer');
  res.setHeader('Permissions-Policy', permissions);
  res.setHeader('Cache-Control', 'no-cache');
}

/** The local Direct Line's stream on this host; older Safari doesn't count ws: as 'self'. */
function webSocketOrigins(host: string | undefined): string[] {
  if (!host || !/^[A-Za-z0-9.[\]:-]+$/.test(host)) return [];
  return [`ws://${host}`, `wss://${host}`];
}
