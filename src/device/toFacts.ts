import type { DeviceProfile } from './deviceProfile';
import { DeviceFacts } from './deviceProfile';
import { withoutUndefined } from './lenient';

const MAX_LOCALE_LENGTH = 16;

/**
 * The part of a profile the flow needs, small enough to save on every turn. Fields absent from
 * the profile are absent here too, never `undefined`: the flow merges facts by spreading them,
 * and an explicit undefined would erase what an earlier source said.
 */
export function toFacts(profile: DeviceProfile): DeviceFacts {
  const facts = DeviceFacts.parse({
    source: profile.source,
    browser: profile.browser,
    // An app's own version, or an unnamed browser's, tells a guard nothing.
    browserVersion: profile.browser === 'other' ? undefined : shortVersion(profile.browserVersion),
    os: profile.os,
    osVersion: shortVersion(profile.osVersion),
    deviceType: profile.deviceType,
    inApp: profile.inApp,
    // The guards' one question is "can this browser do the interview?": too old is as bad as the wrong one.
    unsupported: profile.unsupported === true || profile.outdated === true ? true : profile.unsupported,
    outdated: profile.outdated,
    iosNonSafari: profile.iosNonSafari,
    sameDeviceAsInterview: profile.sameDeviceAsInterview,
    camera: profile.camera,
    microphone: profile.microphone,
    videoInputs: profile.videoInputs,
    audioInputs: profile.audioInputs,
    locale: shortLocale(profile.locale),
    timezone: profile.timezone,
  });
  return withoutUndefined(facts);
}

/** The language tag cut at a subtag to fit the facts: "zh-Hant-TW" of "zh-Hant-TW-u-ca-roc". */
function shortLocale(locale: string | undefined): string | undefined {
  let short = '';
  for (const subtag of locale?.split('-') ?? []) {
    const longer = short ? `${short}-${subtag}` : subtag;
    if (longer.length > MAX_LOCALE_LENGTH) break;
    short = longer;
  }
  return short || undefined;
}

/** "129" of "129.0.6668.69", "17.5" of "17.5.1": enough to tell versions apart in a guard or a ticket. */
function shortVersion(version: string | undefined): string | undefined {
  const match = /^(\d+)(?:\.(\d+))?/.exec(version ?? '');
  if (!match) return undefined;
  const [, major, minor] = match;
  return minor === undefined || Number(minor) === 0 ? major : `${major}.${minor}`;
}
