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
/** A valid link: its conversation, and what a one-time use is recorded by (`linkId`, until `expiresAt`, epoch ms). */
export interface DeviceCheckLink {
  conversationKey: string;
  linkId: string;
  expiresAt: number;
}
export type DeviceCheckTokenCheck = DeviceCheckLink | { error: DeviceCheckTokenProblem };

export const DEFAULT_LINK_TTL_MS = 30 * 60 * 1000;
const VERSION = 'v1';
/** Longest conversation key accepted; Teams ids are ~100 characters. */
const MAX_KEY_LENGTH = 512;
/**
 * Exactly what tokenFor writes: base64url without padding, and a 32-byte HMAC is 43 characters.
 * Checked as text, because Buffer.from(…, 'base64url') skips characters it doesn't know ("!!"
 * slipped into a link still decoded to the right signature) and ignores the last character's spare bits.
 */
const TOKEN_SHAPE = /^v1\.[A-Za-z0-9_-]{1,2000}\.[A-Za-z0-9_-]{43}$/;

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
    // A nonce, so each link is used up on its own even when two are made in the same second.
    const payload = Buffer.from(JSON.stringify({ k: conversationKey, e: expires, n: randomBytes(9).toString('base64url') })).toString('base64url');
    return `${VERSION}.${payload}.${sign(payload).toString('base64url')}`;
  }

  function verify(token: unknown): DeviceCheckTokenCheck {
    if (typeof token !== 'string' || token === '') return { error: 'missing' };
    if (!TOKEN_SHAPE.test(token)) return { error: 'malformed' };
    const [, payload = '', signature = ''] = token.split('.');
    // Compared as canonical text, so there is exactly one spelling of a valid signature.
    if (!timingSafeEqual(Buffer.from(signature), Buffer.from(sign(payload).toString('base64url')))) return { error: 'bad-signature' };
    const claims = readClaims(payload);
    if (!claims) return { error: 'malformed' };
    if (claims.e * 1000 <= now().getTime()) return { error: 'expired' };
    return { conversationKey: claims.k, linkId: signature, expiresAt: claims.e * 1000 };
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
