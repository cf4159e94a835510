import { UAParser } from 'ua-parser-js';
import { LruCache } from '../lruCache';
import type { ClientHints } from './clientHints';
import type { DeviceProfile, DeviceType, OsFamily } from './deviceProfile';
import { UNKNOWN_APP } from './deviceProfile';
import { browserFamilyOf, osFamilyOf } from './families';
import { withoutFrozenValues } from './frozenUserAgentValues';
import { findInAppBrowser } from './inAppBrowsers';
import { withoutControlCharacters } from './lenient';
import { withClientHints } from './withClientHints';
import { withVerdicts } from './withVerdicts';

/** What the page can tell besides the user agent. */
export interface PageSignals {
  /** `navigator.maxTouchPoints`: an iPad asking for desktop sites says "Macintosh" but has touch; Macs have none. */
  maxTouchPoints?: number;
}

/** Longer than any real user agent; ua-parser-js itself reads only the first 500 characters. */
export const MAX_USER_AGENT_LENGTH = 512;

/**
 * ua-parser-js runs hundreds of regular expressions per user agent, and candidates invited together
 * arrive on the same few browsers: each distinct user agent is parsed once. Results are read, never changed.
 */
const parsedUserAgents = new LruCache<string, UAParser.IResult>(1000);

const DESKTOP_SYSTEMS: ReadonlySet<OsFamily> = new Set(['windows', 'macos', 'linux', 'chromeos']);

/**
 * The device behind a browser's user agent, refined by client hints where the browser gave them.
 * Never throws: an empty or nonsensical user agent gives a profile that knows nothing.
 */
export function parseUserAgent(userAgent: string, clientHints?: ClientHints, signals: PageSignals = {}): DeviceProfile {
  const ua = typeof userAgent === 'string' ? cleanUserAgent(userAgent) : '';
  const parsed = parsedUserAgents.getOrCompute(ua, (key) => new UAParser(key).getResult());
  const os = osFamilyOf(parsed.os.name, ua);
  const named = findInAppBrowser(ua);
  const inApp = named?.app ?? (isUnnamedWebView(ua, os, clientHints) ? UNKNOWN_APP : undefined);
  const real = withoutFrozenValues(os, parsed.os.version, parsed.device.model);

  const fromUserAgent: DeviceProfile = {
    source: 'webchat',
    userAgent: ua || undefined,
    clientHints,
    // An in-app browser is its app's, whatever engine it borrows: the steps for it are "leave the app".
    browser: inApp ? 'other' : browserFamilyOf(parsed.browser.name),
    browserName: named ? named.app : parsed.browser.name,
    browserVersion: named ? named.version : parsed.browser.version,
    engine: parsed.engine.name,
    engineVersion: parsed.engine.version,
    os,
    osName: parsed.os.name,
    osVersion: real.osVersion,
    deviceType: deviceTypeOf(parsed.device.type, os),
    deviceVendor: parsed.device.vendor,
    deviceModel: real.model,
    inApp,
  };
  return withVerdicts(withTouch(withClientHints(fromUserAgent, clientHints), signals));
}

function cleanUserAgent(userAgent: string): string {
  return withoutControlCharacters(userAgent.slice(0, MAX_USER_AGENT_LENGTH * 2)).slice(0, MAX_USER_AGENT_LENGTH);
}

/**
 * An app's own browser that does not say which app: Android marks its WebView with "; wv)", and
 * an iOS WKWebView leaves out the "Safari/" that Safari and every iOS browser app send (Gmail's is one).
 */
function isUnnamedWebView(ua: string, os: OsFamily | undefined, hints: ClientHints | undefined): boolean {
  if (hints?.brands?.some(({ brand }) => brand === 'Android WebView')) return true;
  if (os === 'android') return /; wv\)/.test(ua);
  if (os === 'ios') return !/\bSafari\//.test(ua);
  return false;
}

function deviceTypeOf(parsedType: string | undefined, os: OsFamily | undefined): DeviceType | undefined {
  if (parsedType === 'mobile') return 'phone';
  if (parsedType === 'tablet') return 'tablet';
  // ua-parser-js leaves computers untyped; so it does for TVs and consoles, which run none of these.
  if (parsedType === undefined && os !== undefined && DESKTOP_SYSTEMS.has(os)) return 'computer';
  return undefined;
}

/** iPadOS asks for desktop sites by default and then reads as a Mac; only touch gives it away. */
function withTouch(profile: DeviceProfile, { maxTouchPoints }: PageSignals): DeviceProfile {
  if (profile.os !== 'macos' || maxTouchPoints === undefined || maxTouchPoints < 2) return profile;
  return {
    ...profile,
    os: 'ios',
    osName: 'iOS',
    osVersion: undefined,
    deviceType: 'tablet',
    deviceVendor: 'Apple',
    deviceModel: 'iPad',
  };
}
