import { join } from 'node:path';
import { getShortestPaths } from 'xstate/graph';
import { initialTransition, transition, type AnyMachineSnapshot, type EventObject } from 'xstate';
import { loadFlow } from '../flow';
import { choiceEvent, commandEvent, topicEvent } from '../flow/events';
import { transitionsOf } from './machineTransitions';
import { positionOf } from '../flow/position';

const flow = loadFlow(join(__dirname, '../../flows'));
const fast = transitionsOf(flow.machine);

/** The escalation form's events: an answer and a sample of its buttons, enough to reach each of its states. */
const formEvents: EventObject[] = [
  { type: 'form.answer', value: 'Ada Lovelace' } as EventObject,
  ...['yes', 'no', 'type.phone', 'browser.safari', 'send', 'change', 'change.company', 'change.device', 'cancel'].map((id) => ({ type: `form.${id}` })),
];

/** Every event a step can take: its own answers, every topic, the commands, and the form's. */
function events(snapshot: AnyMachineSnapshot): EventObject[] {
  const node = flow.nodes.get(positionOf(snapshot.value).node)?.node;
  const answers = node?.type === 'question' ? node.choices.map((c) => c.id) : ['yes', 'no', 'tried', 'skip'];
  return [
    ...answers.map((id) => ({ type: choiceEvent(id) })),
    ...flow.guide.menu.topics.map((id) => ({ type: topicEvent(id) })),
    ...(['restart', 'menu', 'human'] as const).map((c) => ({ type: commandEvent(c) })),
    ...formEvents,
  ];
}

const observed = (snapshot: AnyMachineSnapshot) => ({ value: snapshot.value, context: snapshot.context, status: snapshot.status });

test('a new conversation starts where xstate would start it', () => {
  expect(observed(fast.initial)).toEqual(observed(initialTransition(flow.machine)[0]));
});

test('every step moves exactly as xstate moves it, with the same effects', () => {
  const paths = getShortestPaths(flow.machine, { events, serializeState: (s) => JSON.stringify(s.value) });
  let compared = 0;
  for (const { state } of paths) {
    for (const event of events(state)) {
      const [expected, expectedActions] = transition(flow.machine, state, event);
      const [actual, actualActions] = fast.transition(state, event);
      expect(observed(actual)).toEqual(observed(expected));
      expect(actualActions.map((a) => a.type)).toEqual(expectedActions.map((a) => a.type));
      compared += 1;
    }
  }
  expect(compared).toBeGreaterThan(500);
});

test('the same machine gets the same transitions back, so the initial state is built once', () => {
  expect(transitionsOf(flow.machine)).toBe(fast);
});
