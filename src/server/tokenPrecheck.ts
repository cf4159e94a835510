import type { Request, Response, Next } from 'restify';
import { sendError } from './sendError';

/** Issuers the Bot Framework uses (channel service, Emulator, Entra ID v1/v2 for single-tenant bots). */
const ISSUERS = [
  /^https:\/\/api\.botframework\.com$/,
  /^https:\/\/sts\.windows\.net\/[0-9a-f-]{36}\/$/,
  /^https:\/\/login\.microsoftonline\.com\/[0-9a-f-]{36}\/v2\.0$/,
];
/** Clock skew botbuilder also tolerates. */
const SKEW_SECONDS = 300;

/**
 * Rejects requests whose bearer token can't possibly be valid — missing, not a JWT, unsigned,
 * expired, for another bot, or from an unknown issuer — before botbuilder fetches signing keys
 * from the network. A forged request gets a fast 401 even when that metadata can't be reached.
 * botbuilder still verifies the signature of everything let through.
 */
export function tokenPrecheck(appId: string, now: () => number = Date.now) {
  return function precheckToken(req: Request, res: Response, next: Next) {
    const problem = whyInvalid(req.header('authorization'), appId, now() / 1000);
    if (!problem) return next();
    res.header('WWW-Authenticate', 'Bearer');
    sendError(res, 401, 'Unauthorized', problem);
    return next(false);
  };
}

export function whyInvalid(header: string | undefined, appId: string, nowSeconds: number): string | undefined {
  const token = /^Bearer ([A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+)$/.exec(header ?? '')?.[1];
  if (!token) return 'a Bot Framework bearer token is required';
  const [head, body] = token.split('.').map(decodePart);
  if (!head || !body) return 'the token is not a JWT';
  if (head.alg !== 'RS256' || typeof head.kid !== 'string') return 'the token must be signed with RS256';
  if (typeof body.exp !== 'number' || body.exp + SKEW_SECONDS < nowSeconds) return 'the token has expired';
  if (typeof body.nbf === 'number' && body.nbf - SKEW_SECONDS > nowSeconds) return 'the token is not valid yet';
  if (body.aud !== appId) return 'the token is for another bot';
  if (typeof body.iss !== 'string' || !ISSUERS.some((issuer) => issuer.test(body.iss as string))) return 'the token has an unknown issuer';
  return undefined;
}

function decodePart(part: string | undefined): Record<string, unknown> | undefined {
  try {
    const value: unknown = JSON.parse(Buffer.from(part ?? '', 'base64url').toString('utf8'));
    return typeof value === 'object' && value !== null ? (value as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}
