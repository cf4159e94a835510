import type { FormPart } from './formStates';

/**
 * A snapshot's value as saved: a step's state id ("page-wont-load/check-link", "menu"), or inside
 * the escalation form `{ 'contact-recruiter/details': 'review' }`.
 */
export type FlowStateValue = string | Record<string, string>;

/** Where a candidate is: the node (its state id, or menu/resolved) and, in a form, the form's state. */
export interface Position {
  node: string;
  part?: FormPart;
}

export function positionOf(value: unknown): Position {
  if (typeof value === 'string') return { node: value };
  const [entry] = Object.entries((value ?? {}) as Record<string, unknown>);
  if (!entry || typeof entry[1] !== 'string') return { node: '' };
  return { node: entry[0], part: entry[1] as FormPart };
}

/** One name for a position, for logs and tests: "contact-recruiter/details/review". */
export function positionName(value: unknown): string {
  const { node, part } = positionOf(value);
  return part ? `${node}/${part}` : node;
}
