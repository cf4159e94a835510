import { createHash } from 'node:crypto';
import { assign, setup, type AnyStateMachine } from 'xstate';
import type { FlowSource } from './load';
import type { FlowNode, FormFieldId, GuideFile, TopicFile } from './schema';
import type { UnderstandingFile } from './understandingSchema';
import { checkFlow } from './check';
import { FlowError } from './problems';
import { guards } from './guards';
import { memories } from './memories';
import { effectNames } from './effects';
import { MAX_PATH, type ConversationContext, type FormDeviceAnswers } from './context';
import { MACHINE_ID, MENU, MORE_PROBLEMS, RESOLVED, resolveTarget, stateId } from './targets';
import { formStates } from './formStates';
import { formUpdates, sentForm } from './formActions';
import { choiceEvent, commandEvent, topicEvent, NO, PASS_ON, SOLVED, TRIED, WRITE_MYSELF, YES, type FlowEvent } from './events';
import { ESCALATION_TOPIC } from './escalationTopic';

/** A node as the engine sees it: where it sits and what it says. */
export interface TreeNode {
  id: string;
  topic: string;
  node: FlowNode;
}

/** The checked flow plus the machine compiled from it. Built once at start-up, shared by every turn. */
export interface CompiledFlow {
  /** Fingerprint of the flow files, saved with each conversation to detect an updated guide. */
  version: string;
  /** The language of its words (flows/locales/<language>/; "en" is the source). */
  language: string;
  guide: GuideFile;
  topics: ReadonlyMap<string, TopicFile>;
  understanding: UnderstandingFile;
  /** Every node of the tree by its state id ("topic/node"). */
  nodes: ReadonlyMap<string, TreeNode>;
  machine: AnyStateMachine;
}

/** Checks cross-references and compiles the flow into an XState machine; throws FlowError listing every problem. */
export function compileFlow(source: FlowSource, language = 'en'): CompiledFlow {
  const problems = checkFlow(source);
  if (problems.length > 0) throw new FlowError(problems);

  const topics = new Map(source.topics.map((t) => [t.id, t]));
  const nodes = new Map<string, TreeNode>();
  const states: Record<string, object> = {
    // "Something else" (the menu command) on the menu itself shows the other topics; anywhere else, the menu.
    [MENU]: { entry: ['leaveTopic', 'forgetForm'], on: { [commandEvent('menu')]: MORE_PROBLEMS } },
    [MORE_PROBLEMS]: { entry: ['leaveTopic', 'forgetForm'] },
    [RESOLVED]: { entry: ['resolve', 'forgetForm'] },
  };

  for (const topic of source.topics) {
    for (const [key, node] of Object.entries(topic.nodes)) {
      const id = stateId(topic.id, key);
      nodes.set(id, { id, topic: topic.id, node });
      const target = (t: string) => resolveTarget(topic, t, topics) as string;
      const visit = { type: 'visit', params: { id, topic: topic.id } };
      states[id] =
        node.type === 'form'
          ? { entry: [visit, 'startForm', ...entryEffects(node)], ...formStates(node, target) }
          : { entry: [visit, ...entryEffects(node), 'forgetForm'], ...nodeTransitions(node, target) };
    }
  }

  const topicTransitions = Object.fromEntries(
    source.topics.map((t) => [topicEvent(t.id), { target: `.${stateId(t.id, t.start)}`, reenter: true }]),
  );
  const contact = topics.get(ESCALATION_TOPIC);

  const machine = setup({
    types: { context: {} as ConversationContext, events: {} as FlowEvent },
    guards: Object.fromEntries(
      Object.entries(guards).map(([name, test]) => [name, ({ context }: { context: ConversationContext }) => test(context)]),
    ),
    actions: {
      visit: assign(({ context }, params: { id: string; topic: string }) => ({
        topic: params.topic,
        path: [...context.path, params.id].slice(-MAX_PATH),
      })),
      leaveTopic: assign({ topic: null }),
      reset: assign(({ context }) => ({ topic: null, path: [], device: context.device })),
      // The bot layer merges every source by trust (src/device) and sends the whole result: replace, don't spread.
      updateDevice: assign(({ event }) => (event.type === 'device.update' ? { device: event.device } : {})),
      // What a choice teaches (`remember:` in the flow), by name.
      remember: assign(({ context }, params: { name: keyof typeof memories }) => memories[params.name](context)),
      recordCheck: assign(({ event }) => (event.type === 'check.done' ? { check: event.check, device: event.device } : {})),
      // The escalation form's answers (src/flow/formStates.ts, src/flow/formActions.ts).
      startForm: assign(formUpdates.startForm),
      answerField: assign(({ context, event }, params: { field: FormFieldId }) => formUpdates.answerField(context, event, params.field)),
      correctField: assign(({ context, event }) => formUpdates.correctField(context, event)),
      confirmDevice: assign(({ context }) => formUpdates.confirmDevice(context)),
      answerDeviceType: assign(({ context }, params: { deviceType: FormDeviceAnswers['deviceType'] }) => formUpdates.answerDeviceType(context, params.deviceType)),
      answerBrowser: assign(({ context }, params: { browser: string }) => formUpdates.answerBrowser(context, params.browser)),
      sendForm: assign(({ context }) => formUpdates.sendForm(context)),
      forgetForm: assign(formUpdates.forgetForm),
      // Effects: named here so XState knows them; the engine's decideTurn returns them as data.
      ...Object.fromEntries(effectNames.map((name) => [name, () => undefined])),
    },
  }).createMachine({
    id: MACHINE_ID,
    initial: MENU,
    context: { topic: null, path: [] },
    on: {
      ...topicTransitions,
      [commandEvent('restart')]: { target: `.${MENU}`, actions: 'reset', reenter: true },
      [commandEvent('menu')]: { target: `.${MENU}`, reenter: true },
      [SOLVED]: { target: `.${RESOLVED}` },
      ...(contact && { [commandEvent('human')]: { target: `.${stateId(contact.id, contact.start)}`, reenter: true } }),
      'device.update': { actions: 'updateDevice' },
      // A check result that arrives after the candidate moved on still counts for later steps and tickets.
      'check.done': { actions: 'recordCheck' },
    },
    states: states as Record<string, {}>,
  });

  // Translations share the English fingerprint: switching language never restarts a conversation.
  return { version: fingerprint(source.raw), language, guide: source.guide, topics, understanding: source.understanding, nodes, machine };
}

function entryEffects(node: FlowNode) {
  // `open-ticket` carries the form's answers as its params, read from the context as it runs.
  const own = node.actions.map((type) => (type === 'open-ticket' ? { type, params: sentForm } : { type }));
  if (node.type === 'check' && !own.some((a) => a.type === 'request-device-check')) return [...own, { type: 'request-device-check' }];
  if (node.type !== 'end') return own;
  const outcome = node.outcome === 'escalate' ? 'escalate' : 'resolve';
  return own.some((a) => a.type === outcome) ? own : [...own, { type: outcome }];
}

function nodeTransitions(node: FlowNode, target: (t: string) => string): object {
  switch (node.type) {
    case 'advice':
      return {
        on: {
          [choiceEvent(YES)]: target(node.helped),
          [choiceEvent(NO)]: target(node.notHelped),
          [choiceEvent(TRIED)]: target(node.notHelped),
          ...(node.passOn && { [choiceEvent(PASS_ON)]: target(node.passOn.yes), [choiceEvent(WRITE_MYSELF)]: target(node.passOn.no) }),
        },
      };
    case 'question':
      return {
        on: Object.fromEntries(
          node.choices.map((c) => [
            choiceEvent(c.id),
            { target: target(c.next), actions: c.remember.map((name) => ({ type: 'remember', params: { name } })) },
          ]),
        ),
      };
    case 'check':
      return { on: { 'check.done': { target: target(node.next), actions: 'recordCheck' }, [choiceEvent('skip')]: target(node.skip.next) } };
    case 'branch':
      return { always: node.branches.map((b) => ({ target: target(b.next), ...(b.when && { guard: b.when }) })) };
    case 'end':
    case 'form':
      return {};
  }
}

function fingerprint(raw: unknown[]): string {
  return createHash('sha256').update(JSON.stringify(raw)).digest('hex').slice(0, 12);
}
