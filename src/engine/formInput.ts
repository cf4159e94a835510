import type { FormNode } from '../flow/schema';
import type { FormEvent } from '../flow/events';
import { fieldOf, type FormPart } from '../flow/formStates';
import type { Understanding } from './understanding';
import type { ReplyChoice } from './types';
import { ANSWER_CONFIDENCE } from './interpret';
import { cancelChoice, formChoices } from './formQuestions';
import { withoutFiller } from './formFill';

/** What a message means at a state of the escalation form. */
export type FormReading =
  | { kind: 'event'; event: FormEvent }
  /** A field answer that can't be accepted: the candidate is told why and asked again. */
  | { kind: 'invalid'; problem: string }
  /** Neither an answer nor one of the buttons on offer: the question is asked again. */
  | { kind: 'unclear' };

export type FormInput = { kind: 'text'; text: string } | { kind: 'choice'; id: string };

const LIMITS = { text: { min: 2, max: 200 }, longText: { min: 2, max: 1000 }, email: { min: 6, max: 254 } } as const;
const EMAIL = /^[^\s@]+@[^\s@.]+(\.[^\s@.]+)+$/;

/**
 * Reads a message at a form state into the machine's event. Validation happens here, before the
 * machine sees the answer, so the machine only ever records answers a recruiter can use.
 */
export function readFormInput(form: FormNode, part: FormPart, input: FormInput, understanding: Understanding): FormReading {
  const picked = pick(input, [...formChoices(form, part), cancelChoice(form)], form, understanding);
  if (picked === 'form.cancel') return { kind: 'event', event: { type: 'form.cancel' } };
  const field = form.fields.find((f) => f.id === fieldOf(part));
  if (picked) return { kind: 'event', event: { type: picked } as FormEvent };
  if (input.kind !== 'text') return { kind: 'unclear' };
  if (!field) return deviceAnswer(part, input.text, understanding);
  // "I just told you. jo@example.com": the address wherever it is; elsewhere the answer without its filler.
  const value = field.kind === 'email' ? (understanding.details(input.text).email ?? clean(input.text)) : withoutFiller(clean(input.text));
  const problem = validate(form, field.kind, value) ?? (field.id === 'name' && !understanding.isName(value) ? form.invalid.name : undefined);
  return problem ? { kind: 'invalid', problem } : { kind: 'event', event: { type: 'form.answer', value } };
}

/** "laptop", "android", "google chrome", "the default one": the device questions answered in words. */
function deviceAnswer(part: FormPart, text: string, understanding: Understanding): FormReading {
  const details = understanding.details(text);
  if (part === 'device-type' && details.deviceType) return { kind: 'event', event: { type: `form.type.${details.deviceType}` } as FormEvent };
  if (part === 'device-browser' && details.browser) return { kind: 'event', event: { type: `form.browser.${details.browser}` } as FormEvent };
  // Asked for the browser, "samsung" is Samsung Internet (elsewhere it names the phone).
  if (part === 'device-browser' && /\bsamsung\b/i.test(text)) return { kind: 'event', event: { type: 'form.browser.samsung' } };
  return { kind: 'unclear' };
}

/** A clicked button (its id) or typed text matched against the buttons on offer. */
function pick(input: FormInput, choices: ReplyChoice[], form: FormNode, understanding: Understanding): string | undefined {
  if (input.kind === 'choice') return choices.some((c) => c.id === input.id) ? input.id : undefined;
  const words: Record<string, string[]> = { 'form.cancel': form.cancelWords, 'form.send': form.sendWords, 'form.change': form.changeWords };
  const options = choices.map((c) => ({ id: c.id, phrases: [c.label, ...(words[c.id] ?? [])] }));
  const match = understanding.matchPhrase(input.text, options);
  return match && match.confidence >= ANSWER_CONFIDENCE ? match.id : undefined;
}

function validate(form: FormNode, kind: keyof typeof LIMITS, value: string): string | undefined {
  const { min, max } = LIMITS[kind];
  if (kind === 'email' && (!EMAIL.test(value) || value.length > max)) return form.invalid.email;
  if (value.length < min || value.length > max) return form.invalid.length.replace('{min}', String(min)).replace('{max}', String(max));
  return undefined;
}

/** Candidates paste from emails: drop control characters and collapse runs of spaces. */
function clean(text: string): string {
  return text.replace(/[\u0000-\u0008\u000b-\u001f\u007f]/g, '').replace(/[ \t]+/g, ' ').trim();
}
