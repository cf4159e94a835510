import type { OsFamily } from './deviceProfile';

/**
 * Values browsers now send whatever the truth, to make users harder to fingerprint. ua-parser-js
 * 1.0.x reports them as facts; a ticket saying "Windows 10" of a Windows 11 laptop misleads the
 * recruiter, so they are dropped here and only client hints may supply the real value.
 */
export interface FrozenValue {
  os: OsFamily;
  /** The frozen version as ua-parser-js reports it. */
  osVersion: RegExp;
  /** When set, the version is frozen only alongside this placeholder model, which is dropped too. */
  model?: string;
  why: string;
}

export const FROZEN_USER_AGENT_VALUES: readonly FrozenValue[] = [
  { os: 'windows', osVersion: /^10$/, why: 'Windows 11 still sends "Windows NT 10.0"' },
  { os: 'macos', osVersion: /^10\.15(\.\d+)?$/, why: 'Safari, Chrome and Firefox send 10.15 or 10_15_7 on every macOS since 11' },
  { os: 'chromeos', osVersion: /^14541\.0\.0$/, why: 'Chrome\'s reduced user agent sends "CrOS x86_64 14541.0.0" on every Chromebook' },
  { os: 'android', osVersion: /^10$/, model: 'K', why: 'Chrome\'s reduced user agent sends "Android 10; K" on every phone' },
];

/** The OS version and device model, minus what the user agent merely pretends. */
export function withoutFrozenValues(
  os: OsFamily | undefined,
  osVersion: string | undefined,
  model: string | undefined,
): { osVersion?: string; model?: string } {
  for (const frozen of FROZEN_USER_AGENT_VALUES) {
    if (frozen.os !== os || osVersion === undefined || !frozen.osVersion.test(osVersion)) continue;
    if (frozen.model === undefined) return { osVersion: undefined, model };
    if (frozen.model === model) return { osVersion: undefined, model: undefined };
  }
  return { osVersion, model };
}
