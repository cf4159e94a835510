import { getSimplePaths } from 'xstate/graph';
import { getInitialSnapshot, transition, type AnyMachineSnapshot, type EventObject } from 'xstate';
import type { CompiledFlow } from '../../src/flow';
import { MENU, MORE_PROBLEMS } from '../../src/flow/targets';
import { topicEvent, choiceEvent, commandEvent, NO, YES, TRIED, PASS_ON, WRITE_MYSELF } from '../../src/flow/events';
import { positionOf } from '../../src/flow/position';
import type { ConversationContext } from '../../src/flow/context';
import { parseUserAgent, toFacts, type DeviceFacts } from '../../src/device';
import { USER_AGENTS } from '../../src/device/fixtures/userAgents';
import { formEvents } from './formEvents';

/**
 * The events a candidate can send by clicking what a state shows (commands aside: they work
 * everywhere, except "Something else" on the menu, which is a button of its own).
 */
export function clickable(flow: CompiledFlow, snapshot: AnyMachineSnapshot): EventObject[] {
  const { node: state, part } = positionOf(snapshot.value);
  if (state === MENU) return [...flow.guide.menu.topics.map((id) => ({ type: topicEvent(id) })), { type: commandEvent('menu') }];
  if (state === MORE_PROBLEMS) return flow.guide.menu.more.topics.map((id) => ({ type: topicEvent(id) }));
  const node = flow.nodes.get(state)?.node;
  if (node?.type === 'advice') return [YES, NO, TRIED, ...(node.passOn ? [PASS_ON, WRITE_MYSELF] : [])].map((answer) => ({ type: choiceEvent(answer) }));
  if (node?.type === 'question') return node.choices.map((c) => ({ type: choiceEvent(c.id) }));
  // Through the form the short way (cancel at once, or every answer and send): its own paths are walked in form-paths.
  if (node?.type === 'form' && part) return [...formEvents(node, part).filter((e) => e.type !== 'form.cancel').slice(0, 1), ...(part === 'ask-name' ? [{ type: 'form.cancel' }] : [])];
  if (node?.type === 'check') {
    const device = snapshot.context.device ?? { source: 'webchat' };
    return [{ type: choiceEvent('skip') }, ...(['ok', 'blocked', 'no-device', 'in-use', 'failed'] as const).map((check) => ({ type: 'check.done', check, device }))];
  }
  return [];
}

/** A state is where the candidate is plus what the last check found; the growing path log would make every state unique. */
export const serializeState = (snapshot: AnyMachineSnapshot) => JSON.stringify([snapshot.value, (snapshot.context as ConversationContext).check]);

/** Every simple path a candidate can click, from a fresh conversation. */
export function clickedPaths(flow: CompiledFlow) {
  return getSimplePaths(flow.machine, { events: (s) => clickable(flow, s), serializeState });
}

/** Candidates whose device facts, between them, take every `branch` of the flow. */
export const devices: DeviceFacts[] = [
  ...(['instagramIphone', 'instagramAndroid', 'chromeIphone', 'safariIphone', 'safariMac', 'chromeMac', 'chromeWindows', 'chrome80Windows', 'chromeAndroid', 'edgeWindows', 'firefoxLinux', 'samsungInternet'] as const).map(
    (name) => toFacts(parseUserAgent(USER_AGENTS[name])),
  ),
  { ...toFacts(parseUserAgent(USER_AGENTS.chromeWindows)), videoInputs: 0 },
];

/** Paths as a candidate on `device` clicks them; "tried" leads where "no" does, so it is left out to keep this fast. */
export function pathsOn(flow: CompiledFlow, device: DeviceFacts) {
  const [fromState] = transition(flow.machine, getInitialSnapshot(flow.machine), { type: 'device.update', device });
  const events = (snapshot: AnyMachineSnapshot) => clickable(flow, snapshot).filter((e) => e.type !== choiceEvent(TRIED));
  return getSimplePaths(flow.machine, { events, fromState, serializeState });
}
