import type { CompiledFlow } from '../flow';
import type { FlowNode } from '../flow/schema';
import { MENU, RESOLVED } from '../flow/targets';
import { choiceEvent, commandEvent, topicEvent, NO, YES, type Command } from '../flow/events';
import type { ConversationContext } from '../flow/context';
import { describeForCandidate } from '../device';
import type { Reply, ReplyChoice } from './types';
import { positionOf, type FlowStateValue } from '../flow/position';
import { askPart } from '../flow/formStates';
import { formQuestion } from './formQuestions';

/**
 * What the bot says on arriving at a state: the node's guidance and the answers it offers. In the
 * escalation form: its introduction, then the question of the form's state (the first by default).
 */
export function renderState(flow: CompiledFlow, state: FlowStateValue, context?: ConversationContext): Reply[] {
  const { node: id, part } = positionOf(state);
  if (id === MENU) return [menuReply(flow)];
  if (id === RESOLVED) return [{ text: flow.guide.resolved, choices: [commandChoice(flow, 'menu')] }];
  const at = flow.nodes.get(id);
  if (!at) return [menuReply(flow)];
  if (at.node.type === 'form') return [{ text: at.node.say }, ...formQuestion(at.node, part ?? askPart(at.node.fields[0]!.id), context)];
  return renderNode(flow, at.node).map((reply) => ({ ...reply, text: fillPlaceholders(reply.text, context) }));
}

/** Flow texts may name what the bot knows: `{device}` becomes "Safari on iPhone (iOS 17.5)". */
function fillPlaceholders(text: string, context: ConversationContext | undefined): string {
  return text.includes('{device}') ? text.replaceAll('{device}', describeForCandidate(context?.device)) : text;
}

/** The answers a state accepts, as buttons: typed text is matched against the same list. */
export function choicesOf(flow: CompiledFlow, state: FlowStateValue): ReplyChoice[] {
  return renderState(flow, state).flatMap((r) => r.choices ?? []);
}

export function menuReply(flow: CompiledFlow, text = flow.guide.menu.say, withHuman = false): Reply {
  const choices = flow.guide.menu.topics.flatMap((id): ReplyChoice[] => {
    const topic = flow.topics.get(id);
    return topic ? [{ id: topicEvent(id), label: topic.label }] : [];
  });
  const human = commandChoice(flow, 'human');
  if (withHuman && !choices.some((c) => c.label === human.label)) choices.push(human);
  return { text, choices };
}

export function commandChoice(flow: CompiledFlow, command: Command): ReplyChoice {
  return { id: commandEvent(command), label: flow.guide.labels[command] };
}

function renderNode(flow: CompiledFlow, node: Exclude<FlowNode, { type: 'form' }>): Reply[] {
  switch (node.type) {
    case 'advice': {
      const { didItHelp } = flow.guide;
      return [
        { text: withSteps(node.say, node.steps) },
        { text: didItHelp.say, choices: [{ id: choiceEvent(YES), label: didItHelp.yes.label }, { id: choiceEvent(NO), label: didItHelp.no.label }] },
      ];
    }
    case 'question':
      return [{ text: node.say, choices: node.choices.map((c) => ({ id: choiceEvent(c.id), label: c.label })) }];
    case 'end':
      return [{ text: withSteps(node.say, node.steps), choices: [commandChoice(flow, node.outcome === 'escalate' ? 'restart' : 'menu')] }];
    case 'check':
      return [{ text: node.say, choices: [{ id: choiceEvent('skip'), label: node.skip.label }] }];
    case 'branch':
      // Branches decide instantly and are never a resting state; reaching here means a flow bug the checker missed.
      return [menuReply(flow)];
  }
}

function withSteps(say: string, steps: string[]): string {
  if (steps.length === 0) return say;
  return `${say}\n\n${steps.map((s, i) => `${i + 1}. ${s}`).join('\n')}`;
}
