import type { DeviceCheckResult } from '../device/checkResult';
import type { DeviceFacts } from '../device';
import type { CheckOutcome } from '../flow/context';

/** Reduces a check to what the tree branches on; the error name is the most precise signal. */
export function checkOutcome(result: DeviceCheckResult): CheckOutcome {
  switch (result.getUserMedia) {
    case 'ok':
      return 'ok';
    case 'NotAllowedError':
    case 'SecurityError':
      return 'blocked';
    case 'NotFoundError':
    case 'OverconstrainedError':
      return 'no-device';
    case 'NotReadableError':
    case 'AbortError':
      return 'in-use';
  }
  if (result.camera === 'denied' || result.microphone === 'denied') return 'blocked';
  if (result.videoInputs === 0 || result.audioInputs === 0) return 'no-device';
  return 'failed';
}

/** The device facts after a check: what the browser said about permissions and devices. */
export function withCheck(device: DeviceFacts | undefined, result: DeviceCheckResult): DeviceFacts {
  const known = <T,>(value: T | undefined) => (value === undefined ? {} : value);
  return {
    source: 'webchat',
    ...device,
    ...known(isPermission(result.camera) ? { camera: result.camera } : undefined),
    ...known(isPermission(result.microphone) ? { microphone: result.microphone } : undefined),
    ...known(result.videoInputs === undefined ? undefined : { videoInputs: result.videoInputs }),
    ...known(result.audioInputs === undefined ? undefined : { audioInputs: result.audioInputs }),
  };
}

function isPermission(value: string | undefined): value is 'granted' | 'denied' | 'prompt' {
  return value === 'granted' || value === 'denied' || value === 'prompt';
}
