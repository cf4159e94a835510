import { parseDeviceCheck } from '../device/checkResult';
import { neutraliseLine } from './neutralise';
import type { Ticket } from './ticket';

/** What the conversation's last check found, as the engine reduced it (`{ outcome }` on a ticket). */
const CHECK_OUTCOMES: Readonly<Record<string, string>> = {
  ok: 'the camera and microphone worked in the browser checked',
  blocked: 'the browser blocks the camera or microphone',
  'no-device': 'no camera or microphone found',
  'in-use': 'the camera or microphone is busy (another app may be using it)',
  failed: 'the check could not finish',
};

/** "camera denied, microphone denied; the browser said NotAllowedError; 1 camera and 1 microphone found". */
export function deviceCheckLine(ticket: Ticket): string | undefined {
  const outcome = (ticket.deviceCheck as { outcome?: unknown } | undefined)?.outcome;
  if (typeof outcome === 'string') return Object.hasOwn(CHECK_OUTCOMES, outcome) ? CHECK_OUTCOMES[outcome] : neutraliseLine(outcome);
  const check = parseDeviceCheck(ticket.deviceCheck, () => new Date(ticket.createdAt));
  if (!check) return undefined;
  const found = [
    check.videoInputs === undefined ? undefined : `${check.videoInputs} ${check.videoInputs === 1 ? 'camera' : 'cameras'}`,
    check.audioInputs === undefined ? undefined : `${check.audioInputs} ${check.audioInputs === 1 ? 'microphone' : 'microphones'}`,
  ].filter(Boolean);
  return [
    `camera ${check.camera}, microphone ${check.microphone}`,
    check.getUserMedia === 'ok' ? 'the browser could use them' : `the browser said ${check.getUserMedia}`,
    ...(found.length > 0 ? [`${found.join(' and ')} found`] : []),
    `checked ${neutraliseLine(check.checkedAt)}`,
  ].join('; ');
}
