import type { TopicFile } from './schema';

/** The state every helped path ends in. */
export const RESOLVED = 'resolved';
/** The state a conversation starts in: the topic menu. */
export const MENU = 'menu';
/** The menu's second list, behind "Something else": the other topics and a way on. */
export const MORE_PROBLEMS = 'more-problems';

/** The compiled machine's id: a state nested in a form reaches the others as `#conversation.<state id>`. */
export const MACHINE_ID = 'conversation';

/** A target for a transition written inside a nested state (the escalation form's). */
export const fromNested = (stateId: string) => `#${MACHINE_ID}.${stateId}`;

/** A node's state id in the compiled machine: "topic/node". */
export function stateId(topic: string, node: string): string {
  return `${topic}/${node}`;
}

/**
 * Resolves a `next`/`helped`/`notHelped` target written in topic `from` to a state id, or
 * undefined when it names nothing. See `Target` in schema.ts for the accepted forms.
 */
export function resolveTarget(from: TopicFile, target: string, topics: ReadonlyMap<string, TopicFile>): string | undefined {
  if (target === RESOLVED) return RESOLVED;
  const slash = target.indexOf('/');
  if (slash >= 0) {
    const topic = topics.get(target.slice(0, slash));
    const node = target.slice(slash + 1);
    return topic && Object.hasOwn(topic.nodes, node) ? stateId(topic.id, node) : undefined;
  }
  if (Object.hasOwn(from.nodes, target)) return stateId(from.id, target);
  const topic = topics.get(target);
  return topic ? stateId(topic.id, topic.start) : undefined;
}

/** Every target a node names, with where it is written (for problem reports). */
export function targetsOf(node: TopicFile['nodes'][string]): { at: string; target: string }[] {
  switch (node.type) {
    case 'advice':
      return [
        { at: 'helped', target: node.helped },
        { at: 'notHelped', target: node.notHelped },
        ...(node.passOn ? [{ at: 'passOn.yes', target: node.passOn.yes }, { at: 'passOn.no', target: node.passOn.no }] : []),
      ];
    case 'question':
      return node.choices.map((c, i) => ({ at: `choices.${i}.next`, target: c.next }));
    case 'branch':
      return node.branches.map((b, i) => ({ at: `branches.${i}.next`, target: b.next }));
    case 'form':
      return [
        { at: 'next', target: node.next },
        { at: 'cancelled', target: node.cancelled },
      ];
    case 'check':
      return [
        { at: 'next', target: node.next },
        { at: 'skip.next', target: node.skip.next },
      ];
    case 'end':
      return [];
  }
}
