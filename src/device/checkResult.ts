import { z } from 'zod';
import { count } from './lenient';

/** navigator.permissions.query's answer; "unknown" where the browser can't say (Firefox, Safari before 16). */
export const CheckedPermission = z.enum(['granted', 'denied', 'prompt', 'unknown']);
export type CheckedPermission = z.output<typeof CheckedPermission>;

/**
 * How `getUserMedia({ video: true, audio: true })` ended: "ok", or the DOMException's name. Each
 * name points at a different fix (blocked in the browser, nothing plugged in, in use by another app…).
 */
export const GetUserMediaOutcome = z.enum([
  'ok',
  'NotAllowedError',
  'NotFoundError',
  'NotReadableError',
  'OverconstrainedError',
  'SecurityError',
  'AbortError',
  'TypeError',
  'other',
]);
export type GetUserMediaOutcome = z.output<typeof GetUserMediaOutcome>;

const Permission = z.string().trim().toLowerCase().pipe(CheckedPermission).catch('unknown');
/** Browsers and extensions invent error names; any we don't know is "other", not a rejection. */
const Outcome = z
  .string()
  .trim()
  .max(64)
  .transform((name) => (GetUserMediaOutcome.safeParse(name).success ? (name as GetUserMediaOutcome) : 'other'));
const Count = count(99).optional().catch(undefined);
const IsoTime = z.iso.datetime({ offset: true }).optional().catch(undefined);

/**
 * The `value` of the page's `webchat/device-check` event, and the body the check page POSTs to
 * /api/device-check. Built by a browser we don't control, so each field is read on its own: a bad
 * count is dropped, a bad permission reads "unknown". Only a missing outcome makes it unusable.
 */
export const DeviceCheckValue = z.object({
  camera: Permission,
  microphone: Permission,
  videoInputs: Count,
  audioInputs: Count,
  getUserMedia: Outcome,
  checkedAt: IsoTime,
});

export interface DeviceCheckResult {
  camera: CheckedPermission;
  microphone: CheckedPermission;
  /** Cameras the browser lists; absent when it wouldn't say. */
  videoInputs?: number;
  audioInputs?: number;
  getUserMedia: GetUserMediaOutcome;
  /** When the page ran the check, or when we received it if the page's clock said nothing usable. */
  checkedAt: string;
}

/** The check's result, or undefined when the value isn't one (no getUserMedia outcome). Never throws. */
export function parseDeviceCheck(value: unknown, now: () => Date = () => new Date()): DeviceCheckResult | undefined {
  const parsed = DeviceCheckValue.safeParse(value);
  if (!parsed.success) return undefined;
  const { videoInputs, audioInputs, checkedAt, ...rest } = parsed.data;
  return {
    ...rest,
    ...(videoInputs !== undefined && { videoInputs }),
    ...(audioInputs !== undefined && { audioInputs }),
    checkedAt: checkedAt ?? now().toISOString(),
  };
}
