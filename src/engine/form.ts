import type { FormFieldId, FormNode } from '../flow/schema';
import type { ConversationContext } from '../flow/context';
import { describeForCandidate } from '../device';
import type { Understanding } from './understanding';
import type { Reply, ReplyChoice } from './types';

/** Where the candidate is in the escalation form, saved between turns until the ticket is sent. */
export interface FormProgress {
  /** The form node's state id, so a form left half-way and entered again starts afresh. */
  node: string;
  at: 'field' | 'device-confirm' | 'device-type' | 'device-browser' | 'review' | 'change';
  field?: FormFieldId;
  answers: Partial<Record<FormFieldId, string>>;
  device?: DeviceAnswers;
  /** After "change something", the next answer returns to the review instead of moving on. */
  editing: boolean;
}

export interface DeviceAnswers {
  /** The candidate confirmed the device the bot already knew is the interview device. */
  confirmed?: boolean;
  deviceType?: 'computer' | 'phone' | 'tablet';
  browser?: string;
}

export type FormOutcome =
  | { kind: 'continue'; progress: FormProgress; replies: Reply[] }
  | { kind: 'submitted'; answers: FormProgress['answers']; device: DeviceAnswers }
  | { kind: 'cancelled' };

export type FormInput = { kind: 'text'; text: string } | { kind: 'choice'; id: string };

const LIMITS = { text: { min: 2, max: 200 }, longText: { min: 2, max: 1000 }, email: { min: 6, max: 254 } } as const;
const EMAIL = /^[^\s@]+@[^\s@.]+(\.[^\s@.]+)+$/;
const ANSWER_CONFIDENCE = 0.75;

/** The first question of the form, and the progress to save. */
export function startForm(form: FormNode, node: string): { progress: FormProgress; replies: Reply[] } {
  const progress: FormProgress = { node, at: 'field', field: form.fields[0]!.id, answers: {}, editing: false };
  return { progress, replies: [{ text: form.say }, ...ask(form, progress, undefined)] };
}

/**
 * One answer to the form: validates it, stores it, and asks the next question, or shows the review,
 * or ends the form. Pure, like the rest of the engine.
 */
export function formTurn(
  form: FormNode,
  progress: FormProgress,
  input: FormInput,
  context: ConversationContext,
  understanding: Understanding,
): FormOutcome {
  const choices = choicesAt(form, progress);
  const picked = pick(input, [...choices, { id: 'form.cancel', label: form.labels.cancel }], form, understanding);
  if (picked === 'form.cancel') return { kind: 'cancelled' };
  const next = { ...progress, answers: { ...progress.answers }, device: { ...progress.device } };

  switch (progress.at) {
    case 'field': {
      const field = form.fields.find((f) => f.id === progress.field)!;
      if (input.kind !== 'text') return moveTo(form, progress, context);
      const value = clean(input.text);
      const problem = validate(form, field.kind, value);
      if (problem) return { kind: 'continue', progress, replies: [{ text: problem }, ...ask(form, progress, context)] };
      next.answers[field.id] = value;
      return advance(form, next, context);
    }
    case 'device-confirm':
      if (picked === 'form.yes') {
        next.device = { confirmed: true };
        return advance(form, { ...next, at: 'review' }, context, true);
      }
      if (picked === 'form.no') return moveTo(form, { ...next, device: {}, at: 'device-type' }, context);
      return moveTo(form, progress, context);
    case 'device-type':
      if (!picked?.startsWith('form.type.')) return moveTo(form, progress, context);
      next.device = { deviceType: picked.slice('form.type.'.length) as DeviceAnswers['deviceType'] };
      return moveTo(form, { ...next, at: 'device-browser' }, context);
    case 'device-browser':
      if (!picked?.startsWith('form.browser.')) return moveTo(form, progress, context);
      next.device = { ...next.device, browser: picked.slice('form.browser.'.length) };
      return moveTo(form, { ...next, at: 'review' }, context);
    case 'review':
      if (picked === 'form.send') return { kind: 'submitted', answers: progress.answers, device: progress.device ?? {} };
      if (picked === 'form.change') return moveTo(form, { ...next, at: 'change' }, context);
      return moveTo(form, progress, context);
    case 'change':
      if (picked === 'form.change.device') return moveTo(form, { ...next, editing: true, device: {}, at: context.device ? 'device-confirm' : 'device-type' }, context);
      if (picked?.startsWith('form.change.')) {
        return moveTo(form, { ...next, editing: true, at: 'field', field: picked.slice('form.change.'.length) as FormFieldId }, context);
      }
      return moveTo(form, progress, context);
  }
}

/** After a field answer: the next unanswered field, then the device, then the review. */
function advance(form: FormNode, progress: FormProgress, context: ConversationContext, toReview = false): FormOutcome {
  if (toReview || progress.editing) return moveTo(form, { ...progress, editing: false, at: 'review' }, context);
  const missing = form.fields.find((f) => progress.answers[f.id] === undefined);
  if (missing) return moveTo(form, { ...progress, at: 'field', field: missing.id }, context);
  return moveTo(form, { ...progress, at: knowsDevice(context) ? 'device-confirm' : 'device-type' }, context);
}

function moveTo(form: FormNode, progress: FormProgress, context: ConversationContext): FormOutcome {
  return { kind: 'continue', progress, replies: ask(form, progress, context) };
}

/** The question for where the candidate is, with its buttons (always including Cancel). */
function ask(form: FormNode, progress: FormProgress, context: ConversationContext | undefined): Reply[] {
  const cancel = { id: 'form.cancel', label: form.labels.cancel };
  const choices = [...choicesAt(form, progress), cancel];
  switch (progress.at) {
    case 'field':
      return [{ text: form.fields.find((f) => f.id === progress.field)!.ask, choices }];
    case 'device-confirm':
      return [{ text: form.device.confirm.replaceAll('{device}', describeForCandidate(context?.device)), choices }];
    case 'device-type':
      return [{ text: form.device.askType, choices }];
    case 'device-browser':
      return [{ text: form.device.askBrowser, choices }];
    case 'review':
      return [{ text: `${form.review}\n\n${summary(form, progress, context)}`, choices }];
    case 'change':
      return [{ text: form.change, choices }];
  }
}

function choicesAt(form: FormNode, progress: FormProgress): ReplyChoice[] {
  switch (progress.at) {
    case 'field':
      return [];
    case 'device-confirm':
      return [
        { id: 'form.yes', label: form.labels.yes },
        { id: 'form.no', label: form.labels.no },
      ];
    case 'device-type':
      return Object.entries(form.device.types).map(([id, label]) => ({ id: `form.type.${id}`, label }));
    case 'device-browser':
      return Object.entries(form.device.browsers).map(([id, label]) => ({ id: `form.browser.${id}`, label }));
    case 'review':
      return [
        { id: 'form.send', label: form.labels.send },
        { id: 'form.change', label: form.labels.change },
      ];
    case 'change':
      return [
        ...form.fields.map((f) => ({ id: `form.change.${f.id}`, label: f.label })),
        { id: 'form.change.device', label: form.device.label },
      ];
  }
}

/** A clicked button (its id) or typed text matched against the buttons on offer. */
function pick(input: FormInput, choices: ReplyChoice[], form: FormNode, understanding: Understanding): string | undefined {
  if (input.kind === 'choice') return choices.some((c) => c.id === input.id) ? input.id : undefined;
  const options = choices.map((c) => ({
    id: c.id,
    phrases: c.id === 'form.cancel' ? [c.label, ...form.cancelWords] : [c.label],
  }));
  const match = understanding.matchPhrase(input.text, options);
  return match && match.confidence >= ANSWER_CONFIDENCE ? match.id : undefined;
}

function knowsDevice(context: ConversationContext): boolean {
  return context.device?.browser !== undefined || context.device?.deviceType !== undefined;
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

function summary(form: FormNode, progress: FormProgress, context: ConversationContext | undefined): string {
  const lines = form.fields.map((f) => `**${f.label}:** ${escapeMarkdown(progress.answers[f.id] ?? '')}`);
  lines.push(`**${form.device.label}:** ${deviceLine(form, progress.device, context)}`);
  return lines.join('\n\n');
}

function deviceLine(form: FormNode, device: DeviceAnswers | undefined, context: ConversationContext | undefined): string {
  if (device?.confirmed) return describeForCandidate(context?.device);
  const type = device?.deviceType ? form.device.types[device.deviceType] : undefined;
  const browser = device?.browser ? form.device.browsers[device.browser as keyof FormNode["device"]["browsers"]] : undefined;
  return [type, browser].filter(Boolean).join(', ');
}

/** What the candidate typed is shown back as text, never as formatting or links. */
function escapeMarkdown(text: string): string {
  return text.replace(/([\\`*_{}[\]()<>#+!|~])/g, '\\$1');
}
