import type { Brand, ClientHints } from './clientHints';
import type { BrowserFamily, DeviceProfile, OsFamily } from './deviceProfile';
import { osFamilyOfPlatform } from './families';

/** The brand each browser family lists in `fullVersionList` ("Google Chrome", "130.0.6723.191"). */
const BRANDS: Readonly<Partial<Record<BrowserFamily, readonly string[]>>> = {
  chrome: ['Google Chrome', 'Chromium'],
  edge: ['Microsoft Edge'],
  opera: ['Opera', 'Opera GX'],
  samsung: ['Samsung Internet'],
};

/**
 * Client hints are the browser's own account, not frozen like its user agent: where they speak
 * they win (the system, its version, phone or not, the model, the full browser version).
 */
export function withClientHints(profile: DeviceProfile, hints: ClientHints | undefined): DeviceProfile {
  if (!hints) return profile;
  const hinted = osFamilyOfPlatform(hints.platform);
  const os = hinted ?? profile.os;
  const sameOs = hinted === undefined || hinted === profile.os;
  const hintedVersion = hinted && hints.platformVersion ? osVersionOf(hinted, hints.platformVersion) : undefined;
  return {
    ...profile,
    os,
    osName: sameOs ? profile.osName : hints.platform,
    osVersion: hintedVersion ?? (sameOs ? profile.osVersion : undefined),
    deviceType: deviceTypeOf(hints.mobile, os) ?? profile.deviceType,
    deviceModel: hints.model || profile.deviceModel,
    browserVersion: (profile.inApp ? undefined : fullVersion(profile.browser, hints.fullVersionList)) ?? profile.browserVersion,
  };
}

function deviceTypeOf(mobile: boolean | undefined, os: OsFamily | undefined): DeviceProfile['deviceType'] {
  if (mobile === true) return 'phone';
  if (mobile === false && os === 'android') return 'tablet';
  if (mobile === false && os !== undefined && os !== 'ios' && os !== 'other') return 'computer';
  return undefined;
}

/**
 * `platformVersion` is not the marketing version on Windows: 13 and up is Windows 11, 1 to 12 is
 * Windows 10, and 0.1 / 0.2 / 0.3 are 7 / 8 / 8.1. Elsewhere it is the version, padded with ".0".
 */
export function osVersionOf(os: OsFamily, platformVersion: string): string | undefined {
  const [major = 0, minor = 0] = platformVersion.split('.').map(Number);
  if (os === 'windows') {
    if (major >= 13) return '11';
    if (major >= 1) return '10';
    return ({ 1: '7', 2: '8', 3: '8.1' } as Record<number, string>)[minor];
  }
  // On Linux it is the kernel's version, which no step of the guide depends on.
  if (os === 'linux') return undefined;
  return platformVersion.replace(/(\.0)+$/, '');
}

function fullVersion(browser: BrowserFamily | undefined, list: readonly Brand[] | undefined): string | undefined {
  const names = browser ? BRANDS[browser] : undefined;
  if (!names || !list) return undefined;
  for (const name of names) {
    const found = list.find(({ brand }) => brand === name);
    if (found) return found.version;
  }
  return undefined;
}
