import type { CompiledFlow } from '../flow';
import type { FormAnswers } from '../flow/context';
import { askPart, editPart, type FormPart } from '../flow/formStates';
import type { FormFieldId, FormNode } from '../flow/schema';
import type { SavedConversation } from './types';

/** How the form's progress was saved before the form became states of the machine: a field of its own. */
interface LegacyFormProgress {
  node?: unknown;
  at?: unknown;
  field?: unknown;
  answers?: unknown;
  device?: unknown;
  editing?: unknown;
}

const SAME_NAME_PARTS: readonly string[] = ['device-confirm', 'device-type', 'device-browser', 'review', 'change'];

/**
 * Reads a conversation saved by the code before the form was part of the machine. One saved
 * mid-form continues where it was: its position goes into the snapshot's value and its answers
 * into the context. Returns undefined when a form position can't be recovered, so the
 * conversation restarts politely like any other that no longer fits the flow.
 */
export function withoutLegacyForm(flow: CompiledFlow, saved: SavedConversation): SavedConversation | undefined {
  const { form: legacy, ...current } = saved as SavedConversation & { form?: LegacyFormProgress };
  const { value, context } = current.snapshot;
  const node = typeof value === 'string' ? flow.nodes.get(value)?.node : undefined;
  if (node?.type !== 'form') return current;
  const part = legacy?.node === value ? legacyPart(node, legacy) : undefined;
  if (!part || !legacy) return undefined;
  const form: FormAnswers = { fields: legacyFields(node, legacy.answers), ...(isObject(legacy.device) && { device: legacy.device }) };
  return { ...current, snapshot: { ...current.snapshot, value: { [value as string]: part }, context: { ...context, form } } };
}

function legacyPart(node: FormNode, legacy: LegacyFormProgress): FormPart | undefined {
  if (typeof legacy.at === 'string' && SAME_NAME_PARTS.includes(legacy.at)) return legacy.at as FormPart;
  const field = node.fields.find((f) => f.id === legacy.field);
  if (legacy.at !== 'field' || !field) return undefined;
  return legacy.editing === true ? editPart(field.id) : askPart(field.id);
}

function legacyFields(node: FormNode, answers: unknown): FormAnswers['fields'] {
  if (!isObject(answers)) return {};
  const known = node.fields.flatMap((f): [FormFieldId, string][] => {
    const answer = (answers as Record<string, unknown>)[f.id];
    return typeof answer === 'string' ? [[f.id, answer]] : [];
  });
  return Object.fromEntries(known);
}

const isObject = (value: unknown): value is object => typeof value === 'object' && value !== null && !Array.isArray(value);
