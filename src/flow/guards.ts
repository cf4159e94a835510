import type { ConversationContext } from './context';

/**
 * Named conditions a `branch` node may test (`when: <name>`). Flows reference them by name, so the
 * loader checks every name used exists here: XState itself would only notice when the branch runs.
 * Each reads only what the bot already knows; none asks the candidate anything.
 */
export const guards = {
  'device-known': ({ device }) => device?.browser !== undefined || device?.deviceType !== undefined,
  /** Facts from the chat device count for the interview only when they are the same device (not a Teams desktop). */
  'interview-device-known': ({ device }) => device?.sameDeviceAsInterview === true && device.browser !== undefined,
  'in-app-browser': ({ device }) => device?.inApp !== undefined,
  'ios-not-safari': ({ device }) => device?.iosNonSafari === true,
  'unsupported-browser': ({ device }) => device?.unsupported === true && device.outdated !== true,
  'outdated-browser': ({ device }) => device?.outdated === true,
  'on-phone-or-tablet': ({ device }) => device?.deviceType === 'phone' || device?.deviceType === 'tablet',
  'on-computer': ({ device }) => device?.deviceType === 'computer',
  ios: ({ device }) => device?.os === 'ios',
  android: ({ device }) => device?.os === 'android',
  macos: ({ device }) => device?.os === 'macos',
  windows: ({ device }) => device?.os === 'windows',
  chrome: ({ device }) => device?.browser === 'chrome',
  safari: ({ device }) => device?.browser === 'safari',
  edge: ({ device }) => device?.browser === 'edge',
  firefox: ({ device }) => device?.browser === 'firefox',
  linux: ({ device }) => device?.os === 'linux',
  'camera-blocked': ({ device }) => device?.camera === 'denied' || device?.microphone === 'denied',
  'no-camera-found': ({ device }) => device?.videoInputs === 0 || device?.audioInputs === 0,
  'check-ok': ({ check }) => check === 'ok',
  'check-blocked': ({ check }) => check === 'blocked',
  'check-no-device': ({ check }) => check === 'no-device',
  'check-in-use': ({ check }) => check === 'in-use',
} satisfies Record<string, (context: ConversationContext) => boolean>;

export type GuardName = keyof typeof guards;

export function isGuardName(name: string): name is GuardName {
  return Object.hasOwn(guards, name);
}
