import { z } from 'zod';
import { lenient, lenientArray, text } from './lenient';

/**
 * User-Agent Client Hints as `navigator.userAgentData.getHighEntropyValues([...])` returns them.
 * Only Chromium browsers have them; they say what the frozen user agent no longer does
 * (Windows 11, the macOS and Android versions, the phone model, the full browser version).
 */

const Brand = z.object({ brand: text(64).pipe(z.string()), version: text(32).pipe(z.string()) });
export type Brand = z.output<typeof Brand>;

const Version = z
  .string()
  .trim()
  .regex(/^\d{1,5}(\.\d{1,5}){0,3}$/);

export const ClientHints = z.object({
  brands: lenient(lenientArray(Brand, 8)),
  fullVersionList: lenient(lenientArray(Brand, 8)),
  mobile: lenient(z.boolean()),
  platform: lenient(text(32)),
  platformVersion: lenient(Version),
  model: lenient(text(64)),
});
export type ClientHints = z.output<typeof ClientHints>;
