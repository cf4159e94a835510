import { z } from 'zod';
import type { ClientHints } from './clientHints';
import { PermissionState } from './permission';

/** Where a profile came from, most trusted first (see mergeDeviceSources). */
export const DeviceSource = z.enum(['webchat', 'teams', 'asked']);
export type DeviceSource = z.output<typeof DeviceSource>;

/** The browsers the troubleshooting steps name; everything else is "other". */
export const BrowserFamily = z.enum(['chrome', 'safari', 'edge', 'firefox', 'samsung', 'opera', 'other']);
export type BrowserFamily = z.output<typeof BrowserFamily>;

export const OsFamily = z.enum(['ios', 'android', 'macos', 'windows', 'linux', 'chromeos', 'other']);
export type OsFamily = z.output<typeof OsFamily>;

export const DeviceType = z.enum(['computer', 'phone', 'tablet']);
export type DeviceType = z.output<typeof DeviceType>;

/** What a Teams `clientInfo` entity names as the Teams client's platform. */
export const TeamsPlatform = z.enum(['Windows', 'Mac', 'iOS', 'Android', 'Web']);
export type TeamsPlatform = z.output<typeof TeamsPlatform>;

/** Name given to an in-app browser whose app does not say who it is (an Android WebView, an iOS WKWebView). */
export const UNKNOWN_APP = 'unknown app';

/**
 * Everything known of the candidate's device, for the recruiter's ticket. Flat, so that sources merge
 * field by field; every field but `source` is optional because a source may know nothing.
 */
export interface DeviceProfile {
  source: DeviceSource;
  /** The raw user agent, cleaned of control characters and capped. */
  userAgent?: string;
  clientHints?: ClientHints;

  browser?: BrowserFamily;
  /** As parsed: "Chrome", "Mobile Safari", or the app for an in-app browser ("Instagram"). */
  browserName?: string;
  browserVersion?: string;
  engine?: string;
  engineVersion?: string;

  os?: OsFamily;
  /** As parsed: "iOS", "Mac OS", "Ubuntu", "Chromium OS"… */
  osName?: string;
  /** Absent where the user agent freezes it (Windows 10/11, macOS 10.15.7, reduced Android). */
  osVersion?: string;

  deviceType?: DeviceType;
  deviceVendor?: string;
  deviceModel?: string;

  /** The app whose built-in browser this is ("Instagram"), or UNKNOWN_APP. */
  inApp?: string;
  /** Not Chrome, Safari, Edge or Firefox. */
  unsupported?: boolean;
  /** Older than src/device/minimumVersions.ts allows. */
  outdated?: boolean;
  /** On iOS but not in Safari: camera prompts and steps differ there. */
  iosNonSafari?: boolean;
  /** Whether the device chatting is the one used for the interview; never true from Teams alone. */
  sameDeviceAsInterview?: boolean;

  camera?: PermissionState;
  microphone?: PermissionState;
  videoInputs?: number;
  audioInputs?: number;

  locale?: string;
  timezone?: string;
  country?: string;
  teamsPlatform?: TeamsPlatform;
}

// Longest strings kept in facts, so that the whole record stays under MAX_FACTS_BYTES.
const Version = z.string().max(9);
/** App names ("X (Twitter)") and language tags ("zh-Hant-TW") are shorter than this. */
const Name = z.string().max(16);
/** The longest IANA zone name, "America/Argentina/ComodRivadavia", has 32 characters. */
const Zone = z.string().max(32);

/**
 * The compact summary kept in conversation state and read by the flow's guards. Each field is
 * checked on its own, so a stored summary with one bad field loses that field, not the rest.
 */
export const DeviceFacts = z.object({
  source: DeviceSource,
  browser: BrowserFamily.optional().catch(undefined),
  browserVersion: Version.optional().catch(undefined),
  os: OsFamily.optional().catch(undefined),
  osVersion: Version.optional().catch(undefined),
  deviceType: DeviceType.optional().catch(undefined),
  inApp: Name.optional().catch(undefined),
  unsupported: z.boolean().optional().catch(undefined),
  outdated: z.boolean().optional().catch(undefined),
  iosNonSafari: z.boolean().optional().catch(undefined),
  sameDeviceAsInterview: z.boolean().optional().catch(undefined),
  camera: PermissionState.optional().catch(undefined),
  microphone: PermissionState.optional().catch(undefined),
  videoInputs: z.number().int().min(0).max(99).optional().catch(undefined),
  audioInputs: z.number().int().min(0).max(99).optional().catch(undefined),
  locale: Name.optional().catch(undefined),
  timezone: Zone.optional().catch(undefined),
});
export type DeviceFacts = z.output<typeof DeviceFacts>;

/** The budget for a serialized DeviceFacts: it is saved with the conversation on every turn. */
export const MAX_FACTS_BYTES = 400;
