import type { FormNode } from '../../src/flow/schema';
import type { FlowEvent } from '../../src/flow/events';
import { fieldOf, type FormPart } from '../../src/flow/formStates';
import { formChoices } from '../../src/engine/formQuestions';

/** What a candidate can do at a form state: answer its field (the engine validates first), or click a button. */
export function formEvents(node: FormNode, part: FormPart): FlowEvent[] {
  const field = node.fields.find((f) => f.id === fieldOf(part));
  const buttons = [...formChoices(node, part).map((c) => ({ type: c.id }) as FlowEvent), { type: 'form.cancel' } as const];
  return field ? [{ type: 'form.answer', value: field.kind === 'email' ? 'ada@example.com' : `${field.label} answer` }, ...buttons] : buttons;
}
