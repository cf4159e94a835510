import type { BrowserFamily, DeviceProfile } from './deviceProfile';
import { MINIMUM_BROWSER_VERSIONS, MINIMUM_OS_VERSIONS, isOutdated } from './minimumVersions';

/** The browsers the guide recommends ("Chrome and Safari work best") plus the two it works in. */
const SUPPORTED: ReadonlySet<BrowserFamily> = new Set(['chrome', 'safari', 'edge', 'firefox']);

/**
 * What the flow's guards decide on, from what is known: each verdict stays undefined when the
 * facts it rests on are unknown, so a guard never acts on a guess.
 */
export function withVerdicts(profile: DeviceProfile): DeviceProfile {
  const { browser } = profile;
  return {
    ...profile,
    unsupported: browser === undefined ? undefined : !SUPPORTED.has(browser),
    outdated: isOutdated(profile) ? true : canTellAge(profile) ? false : undefined,
    iosNonSafari: isIosNonSafari(profile),
  };
}

function isIosNonSafari({ os, browser, inApp }: DeviceProfile): boolean | undefined {
  if (os !== 'ios') return os === undefined ? undefined : false;
  if (inApp !== undefined) return true;
  return browser === undefined ? undefined : browser !== 'safari';
}

function canTellAge({ browser, browserVersion, os, osVersion }: DeviceProfile): boolean {
  const browserMinimum = browser && MINIMUM_BROWSER_VERSIONS[browser];
  const osMinimum = os && MINIMUM_OS_VERSIONS[os];
  return (browserMinimum !== undefined && browserVersion !== undefined) || (osMinimum !== undefined && osVersion !== undefined);
}
