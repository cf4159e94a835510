import type { BrowserFamily, DeviceProfile } from './deviceProfile';
import { UNKNOWN_APP } from './deviceProfile';
import { majorVersion } from './minimumVersions';

const BROWSER_LABELS: Readonly<Record<Exclude<BrowserFamily, 'other'>, string>> = {
  chrome: 'Chrome',
  safari: 'Safari',
  edge: 'Edge',
  firefox: 'Firefox',
  samsung: 'Samsung Internet',
  opera: 'Opera',
};

/** Long enough for any line this builds; a bound in case a parsed name is not. */
const MAX_LENGTH = 160;

/**
 * One line for the recruiter's ticket: "Instagram in-app browser on iPhone (iOS 17.5)",
 * "Chrome 129 on Windows 11 computer", "Safari on iPhone (as the candidate described it)".
 */
export function describeDevice(profile: DeviceProfile | undefined): string {
  if (!profile) return 'Unknown device';
  const what = browserPhrase(profile);
  const where = devicePhrase(profile);
  let line = what && where ? `${what} on ${where}` : (what ?? where ?? 'Unknown device');
  if (profile.outdated) line += ', out of date';
  if (profile.source === 'asked') line += ' (as the candidate described it)';
  if (profile.source === 'teams') line += ' (the device they chat on, maybe not the interview device)';
  return line.slice(0, MAX_LENGTH);
}

function browserPhrase({ inApp, browser, browserName, browserVersion, source, teamsPlatform }: DeviceProfile): string | undefined {
  if (inApp === UNKNOWN_APP) return "An app's built-in browser";
  if (inApp) return `${inApp} in-app browser`;
  if (source === 'teams') return teamsPlatform === 'Web' ? 'Microsoft Teams in a web browser' : 'Microsoft Teams app';
  if (!browser) return undefined;
  const name = browser === 'other' ? (browserName ?? 'Another browser') : BROWSER_LABELS[browser];
  const major = majorVersion(browserVersion);
  return major === undefined ? name : `${name} ${major}`;
}

function devicePhrase({ os, osVersion, deviceType, deviceVendor, deviceModel }: DeviceProfile): string | undefined {
  const version = (system: string) => (osVersion ? ` (${system} ${osVersion})` : '');
  switch (os) {
    case 'ios': {
      const name = deviceModel === 'iPad' || deviceType === 'tablet' ? 'iPad' : deviceType === 'phone' ? 'iPhone' : 'iOS device';
      return name + version('iOS');
    }
    case 'android': {
      const named = deviceModel && deviceVendor ? `${deviceVendor} ${deviceModel}` : deviceModel;
      return (named ?? `Android ${deviceType ?? 'device'}`) + version('Android');
    }
    case 'windows':
      return osVersion ? `Windows ${osVersion} computer` : 'Windows computer';
    case 'macos':
      return 'Mac' + version('macOS');
    case 'linux':
      return 'Linux computer';
    case 'chromeos':
      return 'Chromebook';
    default:
      return deviceType ? `a ${deviceType}` : undefined;
  }
}
