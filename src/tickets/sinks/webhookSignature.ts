import { createHmac, timingSafeEqual } from 'node:crypto';

const PREFIX = 'sha256=';

/** "sha256=<hex HMAC-SHA256 of the raw body>": the value of the X-Signature header. */
export function signWebhookBody(rawBody: string | Buffer, secret: string): string {
  return PREFIX + createHmac('sha256', secret).update(rawBody).digest('hex');
}

/**
 * For receivers: whether `header` is the signature of exactly these bytes. Verify the raw body as
 * received, before parsing it; re-serialized JSON need not match byte for byte.
 */
export function verifyWebhookSignature(rawBody: string | Buffer, header: string | undefined | null, secret: string): boolean {
  if (typeof header !== 'string' || !header.startsWith(PREFIX)) return false;
  const expected = Buffer.from(signWebhookBody(rawBody, secret));
  const given = Buffer.from(header.trim());
  return given.length === expected.length && timingSafeEqual(given, expected);
}
