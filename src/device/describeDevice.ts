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

/**
 * The words a device is named with, so the candidate reads their device in their own language
 * (flows/guide.yaml `deviceNames`, translated in flows/locales/). Recruiters' tickets use English.
 */
export interface DeviceNames {
  /** "{browser} on {device}" */
  on: string;
  unknown: string;
  builtIn: string;
  /** "{app} in-app browser" */
  inApp: string;
  teamsApp: string;
  teamsWeb: string;
  anotherBrowser: string;
  /** "{system} computer", "{system} phone", "{system} tablet", "{system} device" */
  computer: string;
  phone: string;
  tablet: string;
  device: string;
  aComputer: string;
  aPhone: string;
  aTablet: string;
  /** "{line}, out of date" */
  outdated: string;
}

export const ENGLISH_DEVICE_NAMES: DeviceNames = {
  on: '{browser} on {device}',
  unknown: 'Unknown device',
  builtIn: "An app's built-in browser",
  inApp: '{app} in-app browser',
  teamsApp: 'Microsoft Teams app',
  teamsWeb: 'Microsoft Teams in a web browser',
  anotherBrowser: 'Another browser',
  computer: '{system} computer',
  phone: '{system} phone',
  tablet: '{system} tablet',
  device: '{system} device',
  aComputer: 'a computer',
  aPhone: 'a phone',
  aTablet: 'a tablet',
  outdated: '{line}, out of date',
};

/** Long enough for any line this builds; a bound in case a parsed name is not. */
const MAX_LENGTH = 160;

/**
 * One line for the recruiter's ticket: "Instagram in-app browser on iPhone (iOS 17.5)",
 * "Chrome 129 on Windows 11 computer", "Safari on iPhone (as the candidate described it)".
 */
export function describeDevice(profile: DeviceProfile | undefined): string {
  let line = nameDevice(profile);
  if (profile?.source === 'asked') line += ' (as the candidate described it)';
  if (profile?.source === 'teams') line += ' (the device they chat on, maybe not the interview device)';
  return line.slice(0, MAX_LENGTH);
}

/** The device in `names`' language, without notes on where the facts came from: "Chrome 129 on Windows 11 computer". */
export function nameDevice(profile: DeviceProfile | undefined, names: DeviceNames = ENGLISH_DEVICE_NAMES): string {
  if (!profile) return names.unknown;
  const what = browserPhrase(profile, names);
  const where = devicePhrase(profile, names);
  let line = what && where ? names.on.replace('{browser}', what).replace('{device}', where) : (what ?? where ?? names.unknown);
  if (profile.outdated) line = names.outdated.replace('{line}', line);
  return line.slice(0, MAX_LENGTH);
}

function browserPhrase({ inApp, browser, browserName, browserVersion, source, teamsPlatform }: DeviceProfile, names: DeviceNames): string | undefined {
  if (inApp === UNKNOWN_APP) return names.builtIn;
  if (inApp) return names.inApp.replace('{app}', inApp);
  if (source === 'teams') return teamsPlatform === 'Web' ? names.teamsWeb : names.teamsApp;
  if (!browser) return undefined;
  const name = browser === 'other' ? (browserName ?? names.anotherBrowser) : BROWSER_LABELS[browser];
  const major = majorVersion(browserVersion);
  return major === undefined ? name : `${name} ${major}`;
}

function devicePhrase({ os, osVersion, deviceType, deviceVendor, deviceModel }: DeviceProfile, names: DeviceNames): string | undefined {
  const version = (system: string) => (osVersion ? ` (${system} ${osVersion})` : '');
  const kind = (pattern: string, system: string) => pattern.replace('{system}', system);
  switch (os) {
    case 'ios': {
      const name = deviceModel === 'iPad' || deviceType === 'tablet' ? 'iPad' : deviceType === 'phone' ? 'iPhone' : kind(names.device, 'iOS');
      return name + version('iOS');
    }
    case 'android': {
      const named = deviceModel && deviceVendor ? `${deviceVendor} ${deviceModel}` : deviceModel;
      const type = deviceType === 'phone' ? names.phone : deviceType === 'tablet' ? names.tablet : names.device;
      return (named ?? kind(type, 'Android')) + version('Android');
    }
    case 'windows':
      return kind(names.computer, osVersion ? `Windows ${osVersion}` : 'Windows');
    case 'macos':
      return 'Mac' + version('macOS');
    case 'linux':
      return kind(names.computer, 'Linux');
    case 'chromeos':
      return 'Chromebook';
    default:
      return deviceType === 'computer' ? names.aComputer : deviceType === 'phone' ? names.aPhone : deviceType === 'tablet' ? names.aTablet : undefined;
  }
}
