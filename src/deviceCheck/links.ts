import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

export interface DeviceCheckLinksOptions {
  /** HMAC key (DEVICE_CHECK_SECRET). Unset: a random one, so links die with the process. */
  secret?: string;
  /** Where candidates reach the server (PUBLIC_URL); a function when only known once listening. */
  publicUrl: string | (() => string);
  /** How long a link works; a candidate opens it within minutes of being sent it. */
  ttlMs?: number;
  now?: () => Date;
}

export type DeviceCheckTokenProblem = 'missing' | 'malformed' | 'bad-signature' | 'expired';
export type DeviceCheckTokenCheck = { conversationKey: string } | { error: DeviceCheckTokenProblem };

export const DEFAULT_LINK_TTL_MS = 30 * 60 * 1000;
const VERSION = 'v1';
/** Longest conversation key accepted; Teams ids are ~100 characters. */
const MAX_KEY_LENGTH = 512;

/**
 * Links to the device-check page for a candidate chatting where the page can't run the check
 * itself (Teams, or a phone used for the interview). The token says which conversation the result
 * belongs to and until when; it is signed, so it can't be pointed at another conversation, and it
 * grants nothing but posting one check result.
 */
export function createDeviceCheckLinks({ secret, publicUrl, ttlMs = DEFAULT_LINK_TTL_MS, now = () => new Date() }: DeviceCheckLinksOptions) {
  // A key of its own, so the secret could sign other things without their tokens passing here.
  const key = createHmac('sha256', secret ?? randomBytes(32)).update('device-check-link').digest();
  const sign = (payload: string) => createHmac('sha256', key).update(`${VERSION}.${payload}`).digest();
  const baseUrl = () => (typeof publicUrl === 'function' ? publicUrl() : publicUrl).replace(/\/+$/, '');

  function tokenFor(conversationKey: string): string {
    if (conversationKey.length === 0 || conversationKey.length > MAX_KEY_LENGTH) throw new RangeError(`a conversation key must have 1–${MAX_KEY_LENGTH} characters`);
    const expires = Math.floor((now().getTime() + ttlMs) / 1000);
    const payload = Buffer.from(JSON.stringify({ k: conversationKey, e: expires })).toString('base64url');
    return `${VERSION}.${payload}.${sign(payload).toString('base64url')}`;
  }

  function verify(token: unknown): DeviceCheckTokenCheck {
    if (typeof token !== 'string' || token === '') return { error: 'missing' };
    const [version, payload, signature, ...extra] = token.split('.');
    if (version !== VERSION || !payload || !signature || extra.length > 0 || token.length > 2048) return { error: 'malformed' };
    const expected = sign(payload);
    const given = Buffer.from(signature, 'base64url');
    if (given.length !== expected.length || !timingSafeEqual(given, expected)) return { error: 'bad-signature' };
    const claims = readClaims(payload);
    if (!claims) return { error: 'malformed' };
    if (claims.e * 1000 <= now().getTime()) return { error: 'expired' };
    return { conversationKey: claims.k };
  }

  return {
    /** The page's address for this conversation, to send to the candidate. */
    linkFor: (conversationKey: string): string => `${baseUrl()}/check?t=${tokenFor(conversationKey)}`,
    tokenFor,
    verify,
  };
}

export type DeviceCheckLinks = ReturnType<typeof createDeviceCheckLinks>;

function readClaims(payload: string): { k: string; e: number } | undefined {
  try {
    const claims = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as { k?: unknown; e?: unknown };
    return typeof claims.k === 'string' && typeof claims.e === 'number' ? { k: claims.k, e: claims.e } : undefined;
  } catch {
    return undefined; // signed by us, so unreachable unless the secret leaked; still never fatal
  }
}
