import type { CompiledFlow } from '../flow';
import type { FlowNode } from '../flow/schema';
import { MENU, MORE_PROBLEMS, RESOLVED } from '../flow/targets';
import { choiceEvent, commandEvent, topicEvent, NO, PASS_ON, WRITE_MYSELF, YES, type Command } from '../flow/events';
import type { ConversationContext } from '../flow/context';
import { describeForCandidate } from '../device';
import type { Reply, ReplyChoice } from './types';
import { positionOf, type FlowStateValue } from '../flow/position';
import { askPart } from '../flow/formStates';
import { formQuestion } from './formQuestions';
import { adviceMessages } from '../flow/messageLength';

/**
 * What the bot says on arriving at a state: the node's guidance and the answers it offers. In the
 * escalation form: its introduction, then the question of the form's state (the first by default).
 */
export function renderState(flow: CompiledFlow, state: FlowStateValue, context?: ConversationContext): Reply[] {
  const { node: id, part } = positionOf(state);
  if (id === MENU) return [menuReply(flow)];
  if (id === MORE_PROBLEMS) return [moreProblemsReply(flow)];
  if (id === RESOLVED) return [{ text: flow.guide.resolved, choices: [commandChoice(flow, 'menu')] }];
  const at = flow.nodes.get(id);
  if (!at) return [menuReply(flow)];
  if (at.node.type === 'form') return [{ text: at.node.say }, ...formQuestion(at.node, part ?? askPart(at.node.fields[0]!.id), context, flow.guide.deviceNames)];
  return renderNode(flow, at.node, (text) => fillPlaceholders(text, context, flow));
}

/** The first thing a candidate reads: the welcome opens the menu's message, so its question is asked once. */
export function welcomeReplies(flow: CompiledFlow, state: FlowStateValue, context?: ConversationContext): Reply[] {
  const replies = renderState(flow, state, context);
  const [first, ...rest] = replies;
  const { welcome } = flow.guide;
  if (state === MENU && first) return [{ ...first, text: `${welcome}\n\n${first.text}` }, ...rest];
  return [{ text: welcome }, ...replies];
}

/** Flow texts may name what the bot knows: `{device}` becomes "Safari on iPhone (iOS 17.5)". */
function fillPlaceholders(text: string, context: ConversationContext | undefined, flow: CompiledFlow): string {
  return text.includes('{device}') ? text.replaceAll('{device}', describeForCandidate(context?.device, flow.guide.deviceNames)) : text;
}

/** The answers a state accepts, as buttons: typed text is matched against the same list. */
export function choicesOf(flow: CompiledFlow, state: FlowStateValue): ReplyChoice[] {
  return renderState(flow, state).flatMap((r) => r.choices ?? []);
}

/**
 * The menu: its topics, then the way on. "Something else" shows the other topics; where the bot
 * couldn't place a message (`withHuman`), the recruiter takes its place, so a phone never shows
 * more than the topics and one more button.
 */
export function menuReply(flow: CompiledFlow, text = flow.guide.menu.say, withHuman = false): Reply {
  return { text, choices: [...topicChoices(flow, flow.guide.menu.topics), commandChoice(flow, withHuman ? 'human' : 'menu')] };
}

/** Behind "Something else": the other topics (the recruiter among them). */
function moreProblemsReply(flow: CompiledFlow): Reply {
  const { more } = flow.guide.menu;
  return { text: more.say, choices: topicChoices(flow, more.topics) };
}

function topicChoices(flow: CompiledFlow, ids: string[]): ReplyChoice[] {
  return ids.flatMap((id): ReplyChoice[] => {
    const topic = flow.topics.get(id);
    return topic ? [{ id: topicEvent(id), label: topic.label }] : [];
  });
}

export function commandChoice(flow: CompiledFlow, command: Command): ReplyChoice {
  return { id: commandEvent(command), label: flow.guide.labels[command] };
}

/** `fill` fills what the bot knows into a text before it is measured and split. */
function renderNode(flow: CompiledFlow, node: Exclude<FlowNode, { type: 'form' }>, fill: (text: string) => string): Reply[] {
  switch (node.type) {
    case 'advice':
      return [...adviceMessages(fill(node.say), node.steps.map(fill)).map((text) => ({ text })), followUp(flow, node)];
    case 'question':
      return [{ text: fill(node.say), choices: node.choices.map((c) => ({ id: choiceEvent(c.id), label: c.label })) }];
    case 'end': {
      const messages = adviceMessages(fill(node.say), node.steps.map(fill));
      const choices = [commandChoice(flow, node.outcome === 'escalate' ? 'restart' : 'menu')];
      return messages.map((text, i) => (i === messages.length - 1 ? { text, choices } : { text }));
    }
    case 'check':
      return [{ text: fill(node.say), choices: [{ id: choiceEvent('skip'), label: node.skip.label }] }];
    case 'branch':
      // Branches decide instantly and are never a resting state; reaching here means a flow bug the checker missed.
      return [menuReply(flow)];
  }
}

/**
 * The question after advice: "Did that help?", or, when the advice is to contact the recruiter,
 * "Want me to pass this to the recruiter now?" (whether it worked can't be known yet).
 */
function followUp(flow: CompiledFlow, node: Extract<FlowNode, { type: 'advice' }>): Reply {
  const { didItHelp, passOn } = flow.guide;
  if (node.passOn) return { text: passOn.say, choices: [{ id: choiceEvent(PASS_ON), label: passOn.yes.label }, { id: choiceEvent(WRITE_MYSELF), label: passOn.no.label }] };
  return { text: didItHelp.say, choices: [{ id: choiceEvent(YES), label: didItHelp.yes.label }, { id: choiceEvent(NO), label: didItHelp.no.label }] };
}
