/**
 * The candidate's device and browser: read from what Web Chat, Teams or the candidate tell us,
 * merged, summarised for the flow's guards (DeviceFacts) and described for the recruiter.
 */
export {
  BrowserFamily,
  DeviceFacts,
  DeviceSource,
  DeviceType,
  MAX_FACTS_BYTES,
  OsFamily,
  TeamsPlatform,
  UNKNOWN_APP,
} from './deviceProfile';
export type { DeviceProfile } from './deviceProfile';
export { PermissionState } from './permission';
export { ClientHints } from './clientHints';
export { parseUserAgent, MAX_USER_AGENT_LENGTH } from './parseUserAgent';
export type { PageSignals } from './parseUserAgent';
export { WebChatJoinValue, parseWebChatJoin } from './webChatJoin';
export { parseTeamsClientInfo } from './teamsClientInfo';
export { DeviceAnswers, fromAnswers } from './fromAnswers';
export { mergeDeviceSources } from './mergeDeviceSources';
export { toFacts } from './toFacts';
export { describeDevice, ENGLISH_DEVICE_NAMES, type DeviceNames } from './describeDevice';
export { IN_APP_BROWSERS } from './inAppBrowsers';
export { MINIMUM_BROWSER_VERSIONS, MINIMUM_OS_VERSIONS } from './minimumVersions';
export { describeForCandidate } from './describeForCandidate';
