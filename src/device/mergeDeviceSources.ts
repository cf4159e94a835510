import type { DeviceProfile, DeviceSource } from './deviceProfile';
import { withoutUndefined } from './lenient';

/** What the device is. Taken whole from one source, so a merge never invents a "Windows iPhone". */
const IDENTITY = [
  'userAgent',
  'clientHints',
  'browser',
  'browserName',
  'browserVersion',
  'engine',
  'engineVersion',
  'os',
  'osName',
  'osVersion',
  'deviceType',
  'deviceVendor',
  'deviceModel',
  'inApp',
  'unsupported',
  'outdated',
  'iosNonSafari',
] as const satisfies readonly (keyof DeviceProfile)[];

/** Facts that stand alone: each is taken from the most trusted source that has it. */
const CONTEXT = [
  'camera',
  'microphone',
  'videoInputs',
  'audioInputs',
  'locale',
  'timezone',
  'country',
  'teamsPlatform',
] as const satisfies readonly (keyof DeviceProfile)[];

/** Most trusted first: the page measures, Teams reports, the candidate remembers. */
const TRUST: readonly DeviceSource[] = ['webchat', 'teams', 'asked'];

/**
 * One profile from several, most trusted value per field. The device itself (browser, system,
 * model…) comes whole from one source, chosen for the interview device rather than for trust:
 * the Web Chat page first, then the candidate's answers, then Teams, whose client is often a
 * different device from the interview's. Once the candidate has said the chatting device is not
 * the interview device, only their answers describe it.
 */
export function mergeDeviceSources(...profiles: (DeviceProfile | undefined)[]): DeviceProfile | undefined {
  const known = profiles
    .filter((profile): profile is DeviceProfile => profile !== undefined)
    .sort((a, b) => TRUST.indexOf(a.source) - TRUST.indexOf(b.source));
  if (known.length === 0) return undefined;

  const otherDevice = known.some((profile) => profile.sameDeviceAsInterview === false);
  const identityOrder: readonly DeviceSource[] = otherDevice ? ['asked'] : ['webchat', 'asked', 'teams'];
  const identitySource = identityOrder
    .map((source) => known.find((profile) => profile.source === source && IDENTITY.some((field) => profile[field] !== undefined)))
    .find((profile) => profile !== undefined);

  const merged: Record<string, unknown> = { source: identitySource?.source ?? known[0]!.source };
  for (const field of IDENTITY) merged[field] = identitySource?.[field];
  for (const field of CONTEXT) merged[field] = known.find((profile) => profile[field] !== undefined)?.[field];
  merged.sameDeviceAsInterview = otherDevice
    ? false
    : known.some((profile) => profile.source !== 'teams' && profile.sameDeviceAsInterview === true) || undefined;
  return withoutUndefined(merged as unknown as DeviceProfile);
}
