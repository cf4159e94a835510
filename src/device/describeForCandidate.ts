import type { DeviceFacts } from './deviceProfile';
import { describeDevice } from './describeDevice';

/**
 * "Instagram in-app browser on iPhone (iOS 17.5)", for the candidate's own eyes: the same words the
 * recruiter gets, without the recruiter-facing notes on where the facts came from.
 */
export function describeForCandidate(facts: DeviceFacts | undefined): string {
  return facts ? describeDevice({ ...facts, source: 'webchat' }) : 'Unknown device';
}
