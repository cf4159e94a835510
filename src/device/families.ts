import type { BrowserFamily, OsFamily } from './deviceProfile';

/**
 * ua-parser-js 1.0.x names, folded into the families the guide's steps are written for.
 * Anything not listed is "other": the steps for it are "use Chrome or Safari".
 */
// Maps, not object literals: the names come from user agents, and "constructor" must not find Object's.
const BROWSER_FAMILIES: ReadonlyMap<string, BrowserFamily> = new Map([
  ['Chrome', 'chrome'],
  ['Mobile Chrome', 'chrome'],
  ['Chromium', 'chrome'],
  // Headless Chrome is Chrome without a window: automated checks of the page (ours among them).
  ['Chrome Headless', 'chrome'],
  ['Safari', 'safari'],
  ['Mobile Safari', 'safari'],
  ['Edge', 'edge'],
  ['Firefox', 'firefox'],
  ['Mobile Firefox', 'firefox'],
  ['Samsung Internet', 'samsung'],
  ['Opera', 'opera'],
  ['Opera GX', 'opera'],
  ['Opera Mini', 'opera'],
  ['Opera Mobi', 'opera'],
  ['Opera Touch', 'opera'],
]);

export function browserFamilyOf(name: string | undefined): BrowserFamily | undefined {
  if (name === undefined) return undefined;
  return BROWSER_FAMILIES.get(name) ?? 'other';
}

const OS_FAMILIES: ReadonlyMap<string, OsFamily> = new Map([
  ['iOS', 'ios'],
  ['Android', 'android'],
  ['Mac OS', 'macos'],
  ['macOS', 'macos'],
  ['Windows', 'windows'],
  ['Chromium OS', 'chromeos'],
  ['Chrome OS', 'chromeos'],
  ['Linux', 'linux'],
]);

/**
 * ua-parser-js names Linux desktops by distribution ("Ubuntu", "Fedora", "Mint"…); the steps for
 * all of them are the same, so an X11 or Linux user agent that is not Android or ChromeOS is Linux.
 */
export function osFamilyOf(name: string | undefined, userAgent: string): OsFamily | undefined {
  if (name === undefined) return undefined;
  const family = OS_FAMILIES.get(name);
  if (family) return family;
  return /\bX11\b|\bLinux\b/.test(userAgent) ? 'linux' : 'other';
}

const PLATFORM_FAMILIES: ReadonlyMap<string, OsFamily> = new Map([
  ['windows', 'windows'],
  ['macos', 'macos'],
  ['android', 'android'],
  ['chromeos', 'chromeos'],
  ['chromiumos', 'chromeos'],
  ['linux', 'linux'],
]);

/** What a client-hints `platform` says ("Windows", "macOS", "Android", "Chrome OS", "Linux"). */
export function osFamilyOfPlatform(platform: string | undefined): OsFamily | undefined {
  if (platform === undefined) return undefined;
  return PLATFORM_FAMILIES.get(platform.toLowerCase().replace(/\s+/g, ''));
}
