import type { DeviceFacts } from './deviceProfile';
import { ENGLISH_DEVICE_NAMES, nameDevice, type DeviceNames } from './describeDevice';

/**
 * "Instagram in-app browser on iPhone (iOS 17.5)", for the candidate's own eyes and in their
 * language: the recruiter's words without the notes on where the facts came from.
 */
export function describeForCandidate(facts: DeviceFacts | undefined, names: DeviceNames = ENGLISH_DEVICE_NAMES): string {
  return nameDevice(facts && { ...facts, source: 'webchat' }, names);
}
