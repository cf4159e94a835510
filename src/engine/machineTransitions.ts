import { createActor, initialTransition, type AnyActorScope, type AnyMachineSnapshot, type AnyStateMachine, type EventObject, type ExecutableActionObject } from 'xstate';

/** The flow machine's pure transitions, made cheap enough to run on every turn. */
export interface MachineTransitions {
  /** Where every new conversation starts; snapshots are immutable, so one serves all. */
  readonly initial: AnyMachineSnapshot;
  /** Like xstate's `transition`: the next snapshot and the actions it would run, none executed. */
  transition(snapshot: AnyMachineSnapshot, event: EventObject): [AnyMachineSnapshot, ExecutableActionObject[]];
}

const byMachine = new WeakMap<AnyStateMachine, MachineTransitions>();

/**
 * xstate's `transition()` and `initialTransition()` build a throwaway actor on every call, and
 * building an actor computes the machine's initial state: together more work than the transition
 * itself (about a tenth of a turn). Here one inert scope per machine is reused, its action executor
 * collecting instead of running. That is safe because transitions are synchronous and the flow's
 * machine invokes and spawns nothing, so the scope's actor system is never written to.
 */
export function transitionsOf(machine: AnyStateMachine): MachineTransitions {
  let known = byMachine.get(machine);
  if (!known) {
    known = createTransitions(machine);
    byMachine.set(machine, known);
  }
  return known;
}

function createTransitions(machine: AnyStateMachine): MachineTransitions {
  const self = createActor(machine);
  let collected: ExecutableActionObject[] = [];
  const scope: AnyActorScope = {
    self,
    id: '',
    sessionId: '',
    system: self.system,
    logger: () => {},
    defer: () => {},
    emit: () => {},
    stopChild: () => {},
    actionExecutor: (action) => {
      collected.push(action);
    },
  };
  return {
    initial: initialTransition(machine)[0],
    transition(snapshot, event) {
      collected = [];
      const next = machine.transition(snapshot, event, scope) as AnyMachineSnapshot;
      return [next, collected];
    },
  };
}
