import type { FormFieldId, FormNode } from './schema';
import { fromNested } from './targets';

/**
 * The states inside a form node. The snapshot's value there is `{ 'topic/node': part }`, named
 * `topic/node/part` in logs and docs. "ask-" parts fill the form in order; "edit-" parts come from
 * "Change something" and return to the review.
 */
export type FormPart = `ask-${FormFieldId}` | `edit-${FormFieldId}` | 'device-confirm' | 'device-type' | 'device-browser' | 'review' | 'change';

export const askPart = (field: FormFieldId) => `ask-${field}` as const;
export const editPart = (field: FormFieldId) => `edit-${field}` as const;

/** The field a part asks for, if it asks for one. */
export function fieldOf(part: string): FormFieldId | undefined {
  const match = /^(?:ask|edit)-(.+)$/.exec(part);
  return match?.[1] as FormFieldId | undefined;
}

/** Field answers arrive validated (src/engine/formInput.ts): a state only records one and moves on. */
const answer = (field: FormFieldId) => ({ type: 'answerField', params: { field } });

/** After the last field: confirm the device the bot knows, or ask for it. */
const toDevice = [
  { guard: 'device-known', target: 'device-confirm' },
  { target: 'device-type' },
] as const;

/**
 * Compiles a form node into a compound state: one state per question, the answers assigned to
 * `context.form` by the named actions of src/flow/formActions.ts. `target` resolves flow targets.
 */
export function formStates(node: FormNode, target: (t: string) => string): object {
  const fields = node.fields.map((f) => f.id);
  const states: Record<string, object> = {};
  fields.forEach((field, i) => {
    const next = fields[i + 1];
    states[askPart(field)] = {
      on: { 'form.answer': next ? { target: askPart(next), actions: answer(field) } : toDevice.map((t) => ({ ...t, actions: answer(field) })) },
    };
  });
  states['device-confirm'] = { on: { 'form.yes': { target: 'review', actions: 'confirmDevice' }, 'form.no': 'device-type' } };
  states['device-type'] = {
    on: Object.fromEntries(
      Object.keys(node.device.types).map((deviceType) => [
        `form.type.${deviceType}`,
        { target: 'device-browser', actions: { type: 'answerDeviceType', params: { deviceType } } },
      ]),
    ),
  };
  states['device-browser'] = {
    on: Object.fromEntries(
      Object.keys(node.device.browsers).map((browser) => [`form.browser.${browser}`, { target: 'review', actions: { type: 'answerBrowser', params: { browser } } }]),
    ),
  };
  states.review = { on: { 'form.send': { target: fromNested(target(node.next)), actions: 'sendForm' }, 'form.change': 'change' } };
  states.change = {
    on: {
      ...Object.fromEntries(fields.map((field) => [`form.change.${field}`, editPart(field)])),
      'form.change.device': toDevice,
    },
  };
  for (const field of fields) states[editPart(field)] = { on: { 'form.answer': { target: 'review', actions: answer(field) } } };
  return { initial: askPart(fields[0]!), on: { 'form.cancel': target(node.cancelled), 'form.correct': { actions: 'correctField' } }, states };
}
