import type { DeviceFacts } from '../device';
import type { CheckOutcome } from './context';
import type { FormFieldId } from './schema';

/**
 * Events the conversation machine accepts. Choice and command ids double as event types, so a
 * clicked button (whose value is its id) and a typed answer become the same event.
 */
export type FlowEvent =
  | { type: `choice.${string}` }
  | { type: `topic.${string}` }
  | { type: 'command.restart' | 'command.menu' | 'command.human' }
  | { type: typeof SOLVED }
  | { type: 'device.update'; device: DeviceFacts }
  | { type: 'check.done'; check: CheckOutcome; device: DeviceFacts }
  | FormEvent;

/**
 * The escalation form's events: a typed answer the engine has already validated, and the form's
 * buttons (their ids are the event types, as for choices).
 */
export type FormEvent =
  | { type: 'form.answer'; value: string }
  /** An earlier answer corrected while another question is asked ("oops, it's noah.kim@gmail.com"). */
  | { type: 'form.correct'; field: FormFieldId; value: string }
  | { type: 'form.cancel' | 'form.send' | 'form.change' | 'form.yes' | 'form.no' }
  | { type: `form.type.${string}` | `form.browser.${string}` | `form.change.${string}` };

export const choiceEvent = (id: string) => `choice.${id}` as const;
export const topicEvent = (id: string) => `topic.${id}` as const;

/** Answers to "did that help?"; "tried" ("I already tried that") moves on like "no". */
export const YES = 'yes';
export const NO = 'no';
export const TRIED = 'tried';
/** Answers to "Want me to pass this to the recruiter now?" (an advice node's `passOn`). */
export const PASS_ON = 'pass-on';
export const WRITE_MYSELF = 'write-myself';

/** "Zoom was open, works now" while the bot was still asking: solved wherever the candidate is. */
export const SOLVED = 'solved';

export type Command = 'restart' | 'menu' | 'human';
export const commandEvent = (command: Command) => `command.${command}` as const;
