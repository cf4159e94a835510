import { z } from 'zod';

/** Empty strings in .env mean "not set", as in src/config/config.ts. */
function optional<T extends z.ZodType<unknown, string>>(check: T) {
  return z.preprocess((v) => (typeof v === 'string' ? v.trim() || undefined : v), check.optional());
}

/** An origin-like base URL; the trailing slash is dropped so paths can be appended with "/". */
function baseUrl(protocols: RegExp, error: string) {
  return z.url({ protocol: protocols, error }).transform((url) => url.replace(/\/+$/, ''));
}

/**
 * The web chat settings, as a zod object shape that src/config/config.ts spreads into its schema
 * (the pattern of src/tickets/config.ts).
 */
export const webChatConfigShape = {
  /**
   * The Direct Line channel secret of the Azure Bot resource. Set: the page gets its tokens from
   * the Azure service. Unset: the bot runs its own small Direct Line (local development).
   */
  DIRECT_LINE_SECRET: optional(z.string().min(16, 'must be the Direct Line secret from the Azure Bot resource')),
  /** The Direct Line service; regional bots use e.g. https://europe.directline.botframework.com. */
  DIRECT_LINE_ENDPOINT: optional(baseUrl(/^https?$/, 'must be an http:// or https:// URL')).transform(
    (v) => v ?? 'https://directline.botframework.com',
  ),
  /** Where candidates reach this server, e.g. https://help.example.com; used in device-check links. */
  PUBLIC_URL: optional(baseUrl(/^https?$/, 'must be an http:// or https:// URL')),
  /**
   * Signs the device-check links sent in Teams. Unset: a random secret is made at start-up, so
   * links stop working on restart and across instances.
   */
  DEVICE_CHECK_SECRET: optional(z.string().min(32, 'must be at least 32 characters')),
};
