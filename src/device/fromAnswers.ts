import { z } from 'zod';
import type { BrowserFamily, DeviceProfile, OsFamily } from './deviceProfile';
import { DeviceType } from './deviceProfile';
import { IN_APP_BROWSERS } from './inAppBrowsers';
import { lenient, text, withoutUndefined } from './lenient';
import { withVerdicts } from './withVerdicts';

/** The candidate's answers to "what are you using for the interview?". */
export const DeviceAnswers = z.object({
  deviceType: lenient(DeviceType),
  /** A button's label or what the candidate typed: "Chrome", "safari on my iphone", "Instagram". */
  browser: lenient(text(60)),
  /** Whether the device they chat on is the one they use for the interview. */
  sameDeviceAsInterview: lenient(z.boolean()),
});
export type DeviceAnswers = z.input<typeof DeviceAnswers>;

/** Checked in order: "Samsung Internet" and "Microsoft Edge" must not read as something else. */
const BROWSER_WORDS: readonly { pattern: RegExp; browser: BrowserFamily; name: string }[] = [
  { pattern: /\bsamsung\b/, browser: 'samsung', name: 'Samsung Internet' },
  { pattern: /\bedge\b/, browser: 'edge', name: 'Edge' },
  { pattern: /\bopera\b/, browser: 'opera', name: 'Opera' },
  { pattern: /\b(firefox|mozilla)\b/, browser: 'firefox', name: 'Firefox' },
  { pattern: /\b(chrome|chromium)\b/, browser: 'chrome', name: 'Chrome' },
  { pattern: /\bsafari\b/, browser: 'safari', name: 'Safari' },
];

/** Safari runs only on Apple devices, Samsung Internet in practice only on Android. */
function impliedOs(browser: BrowserFamily | undefined, deviceType: DeviceType | undefined): OsFamily | undefined {
  if (browser === 'safari' && deviceType !== undefined) return deviceType === 'computer' ? 'macos' : 'ios';
  if (browser === 'samsung') return 'android';
  return undefined;
}

/**
 * A profile of the interview device from what the candidate said, for when nothing else is known.
 * Only recognised names are kept: what a candidate types is theirs, and a ticket needs no more
 * than "another browser".
 */
export function fromAnswers(answers: DeviceAnswers): DeviceProfile {
  const parsed = DeviceAnswers.safeParse(answers);
  const { deviceType, browser: said, sameDeviceAsInterview } = parsed.success ? parsed.data : {};
  const words = said?.toLowerCase() ?? '';
  const app = said === undefined ? undefined : namedApp(words);
  const known = app ? undefined : BROWSER_WORDS.find(({ pattern }) => pattern.test(words));
  const browser: BrowserFamily | undefined = said === undefined ? undefined : (known?.browser ?? 'other');
  return withoutUndefined(
    withVerdicts({
      source: 'asked',
      browser,
      browserName: app ?? known?.name,
      os: impliedOs(browser, deviceType),
      deviceType,
      inApp: app,
      sameDeviceAsInterview,
    }),
  );
}

/** The in-app browser a candidate names ("in Instagram", "the twitter app"), by the names in IN_APP_BROWSERS. */
function namedApp(words: string): string | undefined {
  for (const { app } of IN_APP_BROWSERS) {
    // "X (Twitter)" is also answered as "Twitter".
    const names = [app, ...(/\(([^)]+)\)/.exec(app)?.slice(1) ?? [])];
    if (names.some((name) => new RegExp(`\\b${escapeRegExp(name.toLowerCase())}\\b`).test(words))) return app;
  }
  return /\bgmail\b/.test(words) ? 'Gmail' : undefined;
}

function escapeRegExp(value: string): string {
  return value.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
