import type { AnyMachineSnapshot } from 'xstate';
import type { CompiledFlow } from '../flow';
import { MENU, RESOLVED } from '../flow/targets';
import type { ConversationContext } from '../flow/context';
import type { PersistedSnapshot, SavedConversation } from './types';
import { transitionsOf } from './machineTransitions';

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
  const { value, context } = saved.snapshot;
  if (typeof value !== 'string' || !stateExists(flow, value)) {
    return { snapshot: transitionsOf(flow.machine).initial, restarted: true, fresh: false };
  }
  try {
    return { snapshot: flow.machine.resolveState({ value, context }), restarted: false, fresh: false };
  } catch {
    return { snapshot: transitionsOf(flow.machine).initial, restarted: true, fresh: false };
  }
}

export function persist(snapshot: AnyMachineSnapshot): PersistedSnapshot {
  // Only what resolveState needs. The context is plain data (the flow's machine spawns no actors),
  // so it is saved as it is: xstate's getPersistedSnapshot would walk and copy it looking for actors.
  return { value: snapshot.value as string, context: snapshot.context as ConversationContext };
}

function stateExists(flow: CompiledFlow, value: string): boolean {
  return value === MENU || value === RESOLVED || flow.steps.has(value);
}
