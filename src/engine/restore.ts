import type { AnyMachineSnapshot } from 'xstate';
import type { CompiledFlow } from '../flow';
import { MENU, MORE_PROBLEMS, RESOLVED } from '../flow/targets';
import { positionOf, type FlowStateValue } from '../flow/position';
import type { ConversationContext } from '../flow/context';
import type { PersistedSnapshot, SavedConversation } from './types';
import { transitionsOf } from './machineTransitions';
import { withoutLegacyForm } from './legacyForm';

export interface Restored {
  snapshot: AnyMachineSnapshot;
  /** True when the saved position no longer exists in the current flow and the conversation restarted. */
  restarted: boolean;
  fresh: boolean;
}

/**
 * Turns what was saved into a live snapshot of the current machine. A snapshot from an older flow
 * is kept when its state still exists; otherwise the conversation restarts (politely, upstream).
 */
export function restore(flow: CompiledFlow, saved: SavedConversation | undefined): Restored {
  if (!saved) return { snapshot: transitionsOf(flow.machine).initial, restarted: false, fresh: true };
  const current = withoutLegacyForm(flow, saved);
  if (!current || !stateExists(flow, current.snapshot.value)) {
    return { snapshot: transitionsOf(flow.machine).initial, restarted: true, fresh: false };
  }
  const { value, context } = current.snapshot;
  try {
    return { snapshot: flow.machine.resolveState({ value, context }), restarted: false, fresh: false };
  } catch {
    // A form state the current flow no longer has (a field removed) lands here.
    return { snapshot: transitionsOf(flow.machine).initial, restarted: true, fresh: false };
  }
}

export function persist(snapshot: AnyMachineSnapshot): PersistedSnapshot {
  // Only what resolveState needs. The context is plain data (the flow's machine spawns no actors),
  // so it is saved as it is: xstate's getPersistedSnapshot would walk and copy it looking for actors.
  return { value: snapshot.value as FlowStateValue, context: snapshot.context as ConversationContext };
}

/** A node of the flow, or a state inside a form node; a form node alone would skip the form's start. */
function stateExists(flow: CompiledFlow, value: unknown): boolean {
  const { node, part } = positionOf(value);
  if (node === MENU || node === MORE_PROBLEMS || node === RESOLVED) return part === undefined;
  const type = flow.nodes.get(node)?.node.type;
  return type !== undefined && (type === 'form') === (part !== undefined);
}
