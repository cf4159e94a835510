import type { CompiledFlow } from '../flow';
import type { FormNode } from '../flow/schema';
import { isEffectName } from '../flow/effects';
import { topicEvent, type FlowEvent } from '../flow/events';
import type { Understanding } from './understanding';
import type { CandidateInput, Effect, OpenTicket, Reply, SavedConversation, TurnDecision } from './types';
import { persist, restore } from './restore';
import { transitionsOf } from './machineTransitions';
import { answersAt, interpret, ANSWER_CONFIDENCE, type Intent } from './interpret';
import { checkOutcome, withCheck } from './deviceCheck';
import { readFormInput, type FormInput } from './formInput';
import { formQuestion } from './formQuestions';
import { commandChoice, menuReply, renderState, welcomeReplies } from './render';
import { knownAnswer } from './formFill';
import { listen, readInsideForm, yesOption, FIRST_ANSWER_CONFIDENCE } from './listen';
import type { Details } from './understanding';
import { choiceEvent, commandEvent, NO } from '../flow/events';
import { positionOf, type FlowStateValue } from '../flow/position';
import { fieldOf } from '../flow/formStates';
import type { SentForm } from '../flow/formActions';
import { ESCALATION_TOPIC } from '../flow/escalationTopic';
import { ticketRequestIn } from './ticketRequest';
import { problemsNamedIn } from './problemsNamed';
import { answersAhead } from './answersAhead';
import { MENU, RESOLVED } from '../flow/targets';
import { aboutTicket, ticketChoice } from './aboutTicket';

export interface Engine {
  flow: CompiledFlow;
  understanding: Understanding;
}

/** After this many messages in a row the bot can't place, it shows the whole menu and a recruiter option. */
const MAX_MISSES = 2;

/**
 * One conversation turn, pure: (saved state, candidate input) -> (next state, replies, effects).
 * No I/O and no botbuilder: the bot layer loads and saves state and performs the effects.
 * `ticket` is the conversation's ticket still being worked on, if any, looked up by the caller.
 */
export function decideTurn(engine: Engine, saved: SavedConversation | undefined, input: CandidateInput, ticket?: OpenTicket): TurnDecision {
  const { flow, understanding } = engine;
  const transitions = transitionsOf(flow.machine);
  const restored = restore(flow, saved);
  let snapshot = restored.snapshot;
  let misses = restored.restarted ? 0 : (saved?.misses ?? 0);
  let welcomed = saved?.welcomed ?? false;
  let details: Details = { ...(saved?.details ?? {}) };
  let offeredRecruiter = false;
  let laterTopic = saved?.laterTopic;
  let offeredToResolve: string | undefined;
  const replies: Reply[] = [];
  const effects: Effect[] = [];
  if (restored.restarted) {
    replies.push({ text: flow.guide.restarted });
    effects.push({ type: 'restarted', reason: 'flow-updated' });
  }

  const state = () => snapshot.value as FlowStateValue;
  /** The step the candidate is at (a form's own states aside), as `flow.nodes` knows it. */
  const nodeId = () => positionOf(snapshot.value).node;
  /** Applies an event; returns whether the candidate moved (or re-entered a step). */
  const send = (event: FlowEvent): boolean => {
    if (!snapshot.can(event)) return false;
    const [next, actions] = transitions.transition(snapshot, event);
    snapshot = next;
    for (const action of actions) {
      if (!isEffectName(action.type)) continue;
      const { topic, path, check } = snapshot.context;
      if (action.type !== 'open-ticket') effects.push({ type: action.type, topic, path: [...path] });
      // Its params are the answers of the form just sent (src/flow/formActions.ts): none, no ticket.
      else if (action.params) {
        effects.push({ type: 'open-ticket', topic: problemTopic(flow, path, details.problem), path: [...path], ...(check && { check }), ...(action.params as SentForm) });
      }
    }
    return event.type !== 'device.update' && event.type !== 'check.done';
  };
  const moveTo = (event: string) => {
    // A stale button (from an older message) moves nothing: the candidate sees where they really are.
    // "Send it" on the review card again, once sent: no second ticket, and no confirmation without its number.
    if (send({ type: event } as FlowEvent)) misses = 0;
    else if (event.startsWith('form.') && openedTicket(flow, nodeId())) {
      replies.push({ text: flow.guide.alreadySent, choices: [commandChoice(flow, 'restart')] });
      return;
    }
    replies.push(...renderState(flow, state(), snapshot.context));
  };
  const notPlaced = (clarifyTopics: string[] = []) => {
    misses += 1;
    // Never the same "didn't get that" twice: the second miss offers the recruiter, later ones say so differently.
    if (misses >= MAX_MISSES) {
      replies.push(menuReply(flow, misses === MAX_MISSES ? flow.guide.offerRecruiter : flow.guide.stillUnclear, true));
      offeredRecruiter = true;
    } else if (clarifyTopics.length > 0) {
      const choices = clarifyTopics.map((id) => ({ id: topicEvent(id), label: flow.topics.get(id)?.label ?? id }));
      replies.push({ text: flow.guide.clarify, choices });
    } else {
      const question = pendingQuestion(flow, nodeId());
      replies.push(...(question ? [{ text: flow.guide.notUnderstood }, question] : [menuReply(flow, flow.guide.notUnderstood, true)]));
    }
  };

  /** Someone who gave their email is here for a ticket: the question's choice that opens the form. */
  const goToForm = () => {
    const node = flow.nodes.get(nodeId())?.node;
    if (node?.type !== 'question') return;
    const toForm = node.choices.find((c) => flow.nodes.get(`${flow.nodes.get(nodeId())!.topic}/${c.next}`)?.node.type === 'form');
    if (toForm) go(choiceEvent(toForm.id));
  };

  const inForm = () => positionOf(snapshot.value).part !== undefined;
  /** An answer or a button inside the escalation form: the machine moves on, or the question is asked again. */
  const answerForm = (given: FormInput) => {
    let answer = given;
    const { node: formNode, part } = positionOf(snapshot.value);
    const node = flow.nodes.get(formNode)!.node as FormNode;
    // "iphone safari" at "is that the device you use?": no, this one (the device questions then answer themselves).
    const named = part === 'device-confirm' && answer.kind === 'text' ? understanding.details(answer.text) : {};
    if (named.deviceType || named.browser) {
      details = { ...details, ...(named.deviceType && { deviceType: named.deviceType }), ...(named.browser && { browser: named.browser }) };
      answer = { kind: 'choice', id: 'form.no' };
    }
    const reading = readFormInput(node, part!, answer, understanding);
    if (reading.kind === 'event' && send(reading.event)) misses = 0;
    if (reading.kind === 'invalid') replies.push({ text: reading.problem });
    // "the laptop, with chrome" at "which device?": the browser question is answered too.
    const browser = part === 'device-type' && reading.kind === 'event' && answer.kind === 'text' ? understanding.details(answer.text).browser : undefined;
    if (browser && positionOf(snapshot.value).part === 'device-browser') send({ type: `form.browser.${browser}` } as FlowEvent);
    fillKnown();
    const now = positionOf(snapshot.value);
    // Within the form only the next question is asked; leaving it says what the next node says.
    replies.push(...(now.node === formNode && now.part ? formQuestion(node, now.part, snapshot.context, flow.guide.deviceNames) : renderState(flow, state(), snapshot.context)));
  };

  /** Answers the form's questions the candidate already answered in passing, so none is asked twice. */
  const filled: string[] = [];
  const fillKnown = () => {
    for (let guard = 0; guard < 12; guard++) {
      const { node: formNode, part } = positionOf(snapshot.value);
      const node = flow.nodes.get(formNode)?.node;
      if (!part || node?.type !== 'form') return;
      const event = knownAnswer(node, part, details, snapshot.context.form);
      if (!event || !send(event)) return;
      const field = node.fields.find((f) => f.id === fieldOf(part));
      if (field && event.type === 'form.answer') filled.push(`${field.label.toLowerCase()} ${event.value}`);
    }
  };
  /** "actually i used my phone not the ipad" at the review: the device changed, the browser kept unless named. */
  const changeDevice = (said: { deviceType?: string; browser?: string }) => {
    const before = snapshot.context.form?.device;
    send({ type: 'form.change' });
    send({ type: 'form.change.device' } as FlowEvent);
    if (positionOf(snapshot.value).part === 'device-confirm') send({ type: 'form.no' });
    const deviceType = said.deviceType ?? before?.deviceType;
    if (deviceType) send({ type: `form.type.${deviceType}` } as FlowEvent);
    const browser = said.browser ?? before?.browser;
    if (browser) send({ type: `form.browser.${browser}` } as FlowEvent);
    answerForm({ kind: 'choice', id: 'form.continue' });
  };
  /** Moves, then renders where the candidate landed (the form skipping what is known). */
  const go = (event: string): boolean => {
    const moved = send({ type: event } as FlowEvent);
    if (moved) misses = 0;
    fillKnown();
    return moved;
  };
  const render = () => replies.push(...renderState(flow, state(), snapshot.context));
  /** Not in the middle of the guide or the form: at the menu, or where a path ended (the ticket sent, solved). */
  const atRest = () => !inForm() && ['end', undefined].includes(flow.nodes.get(nodeId())?.node.type);
  /** What the candidate says about their open ticket, answered and passed on as data; false when it is for the guide. */
  const answeredAboutTicket = (answer: ReturnType<typeof aboutTicket>): boolean => {
    if (!answer || !ticket) return false;
    replies.push(...answer.replies);
    effects.push(...answer.effects);
    if (answer.offersToResolve) offeredToResolve = ticket.id;
    return true;
  };

  switch (input.kind) {
    case 'start':
      if (input.device) send({ type: 'device.update', device: input.device });
      if (!welcomed) replies.push(...welcomeReplies(flow, state(), snapshot.context));
      break;
    case 'device':
      send({ type: 'device.update', device: input.device });
      break;
    case 'device-check': {
      const waiting = flow.nodes.get(nodeId())?.node.type === 'check';
      send({ type: 'check.done', check: checkOutcome(input.result), device: withCheck(snapshot.context.device, input.result) });
      // Only a step that was waiting for the result answers; a late result is just remembered.
      if (waiting) replies.push(...renderState(flow, state(), snapshot.context));
      break;
    }
    case 'choice':
      if (ticket && answeredAboutTicket(ticketChoice(flow, input.id, ticket))) break;
      if (inForm() && !input.id.startsWith('command.') && !input.id.startsWith('topic.')) answerForm(input);
      else moveTo(input.id);
      break;
    case 'text': {
      const text = input.text;
      if (inForm()) {
        const inside = readInsideForm(flow, understanding, snapshot.value as FlowStateValue, text, snapshot.context.form);
        if (inside.kind === 'answer') answerForm(input);
        else if (inside.kind === 'stay') answerForm({ kind: 'choice', id: 'form.continue' });
        else if (inside.kind === 'leave') replies.push(inside.reply);
        else if (inside.kind === 'correction') {
          send({ type: 'form.change' });
          send({ type: `form.change.${inside.field}` } as FlowEvent);
          // The new value is checked like any answer: "its gmail not gmial" is no address.
          answerForm({ kind: 'text', text: inside.value });
        } else if (inside.kind === 'corrected' || inside.kind === 'reask') {
          if (inside.kind === 'corrected') send(inside.event);
          replies.push(inside.reply);
          answerForm({ kind: 'choice', id: 'form.continue' });
        } else if (inside.kind === 'details') {
          // Every detail of the list counts: the ones still to ask are filled, earlier answers corrected.
          details = { ...details, ...inside.slots };
          const answered = snapshot.context.form?.fields ?? {};
          for (const [field, value] of Object.entries(inside.slots)) {
            if (answered[field as keyof typeof answered] !== undefined && answered[field as keyof typeof answered] !== value) send({ type: 'form.correct', field, value } as FlowEvent);
          }
          answerForm({ kind: 'choice', id: 'form.continue' });
        } else if (inside.kind === 'device') {
          changeDevice(inside);
        } else moveTo(inside.event);
        break;
      }
      // Web Chat's "Send it" button sends its title: pressed again once sent, it is the same stale click.
      if (openedTicket(flow, nodeId()) && understanding.matchPhrase(text, [{ id: 'send', phrases: sendLabels(flow) }])?.confidence === 1) {
        moveTo('form.send');
        break;
      }
      // An open ticket: a message about it goes to the recruiter (src/engine/aboutTicket.ts).
      if (ticket && atRest() && answeredAboutTicket(aboutTicket(flow, understanding, text, ticket, saved?.offeredToResolve === ticket.id))) break;
      // Outside the form, every message may carry details for a later ticket (inside, answers are the form's).
      details = { ...understanding.details(text), ...details };
      const takesOffer = saved?.offeredRecruiter ? understanding.matchPhrase(text, yesOption(flow)) : undefined;
      if (takesOffer && takesOffer.confidence >= 0.5) {
        go(commandEvent('human'));
        goToForm();
        render();
        break;
      }
      const heard = listen(flow, understanding, nodeId(), text);
      if (heard.kind === 'unplaced') {
        notPlaced();
        break;
      }
      if (heard.kind === 'reply') {
        replies.push(...heard.replies);
        offeredRecruiter = heard.offersRecruiter;
        if (heard.question) details.errorText ??= text;
        break;
      }
      if (heard.kind === 'event' && heard.before) replies.push(...heard.before);
      // "Please send the recruiter a ticket: … the link says 404": the request wins, the problem becomes its "what happens".
      const request = heard.kind === 'none' || (heard.kind === 'event' && heard.intent.kind === 'event' && heard.intent.event === commandEvent('human')) ? ticketRequestIn(flow, understanding, text) : undefined;
      if (request) details = { ...details, ...(request.errorText && { errorText: request.errorText }), ...(request.topic && { problem: request.topic }) };
      const intent: Intent = request ? { kind: 'event', event: commandEvent('human') } : heard.kind === 'event' ? heard.intent : interpret(flow, understanding, nodeId(), text);
      if (intent.kind !== 'event') notPlaced(intent.kind === 'clarify' ? intent.topics : []);
      else if (intent.topic || intent.event === commandEvent('human')) {
        // "My link expired and my camera doesn't work": the first problem now, the other once it's solved.
        const named = intent.topic && intent.topic !== ESCALATION_TOPIC ? problemsNamedIn(flow, understanding, text) : [];
        const topic = named[0] ?? intent.topic;
        if (named.length >= 2) {
          laterTopic = named[1];
          replies.push({ text: flow.guide.twoProblems.replaceAll('{first}', labelOf(flow, named[0]!)).replaceAll('{second}', labelOf(flow, named[1]!)) });
        }
        // The message that names a problem is that problem in the candidate's words: the form won't ask for it again.
        // Only when it names a problem anew: a later message in the same topic is an answer, not the problem.
        if (topic && topic !== ESCALATION_TOPIC && topic !== flow.nodes.get(nodeId())?.topic) details = { ...details, errorText: text, problem: topic };
        const askedBefore = nodeId();
        go(topic ? topicEvent(topic) : intent.event);
        // The message that named the problem may already answer the topic's first question.
        const ahead = answersAhead(flow, understanding, nodeId(), text, FIRST_ANSWER_CONFIDENCE);
        for (const event of ahead) go(event);
        // "talk to a recruiter" asked at the recruiter's own question is the ticket, not the question again.
        const askedAgain = intent.event === commandEvent('human') && nodeId() === askedBefore;
        if (ahead.length === 0 && (details.email || askedAgain)) goToForm();
        render();
      } else {
        go(intent.event);
        // "I'll email them myself" at advice to contact the recruiter: the "no", then its answer at the question it leads to.
        const next = intent.event === choiceEvent(NO) ? understanding.matchPhrase(text, answersAt(flow, nodeId())) : undefined;
        if (next && next.confidence >= ANSWER_CONFIDENCE && flow.nodes.get(nodeId())?.node.type === 'question') go(next.id);
        render();
      }
      break;
    }
  }

  // Answers filled from earlier messages are said, so the next question makes sense ("Which position?" right after the name).
  const at = positionOf(snapshot.value);
  const formHere = flow.nodes.get(at.node)?.node;
  if (filled.length > 0 && at.part && at.part !== 'review' && formHere?.type === 'form' && replies.length > 0) {
    replies.splice(replies.length - 1, 0, { text: formHere.filled.replaceAll('{details}', filled.join(', ')) });
  }

  // The first of two problems is solved: on to the other one.
  if (laterTopic && state() === RESOLVED) {
    replies.push({ text: flow.guide.nextProblem.replaceAll('{topic}', labelOf(flow, laterTopic)) });
    go(topicEvent(laterTopic));
    laterTopic = undefined;
    render();
  }

  return {
    state: {
      flowVersion: flow.version,
      snapshot: persist(snapshot),
      misses,
      welcomed: welcomed || replies.length > 0,
      ...(Object.keys(details).length > 0 ? { details } : {}),
      ...(offeredRecruiter ? { offeredRecruiter } : {}),
      ...(saved?.openedTicket || effects.some((effect) => effect.type === 'open-ticket') ? { openedTicket: true } : {}),
      ...(offeredToResolve ? { offeredToResolve } : {}),
      // Starting over or going back to the menu lets the other problem go; the candidate can name it again.
      ...(laterTopic && state() !== MENU ? { laterTopic } : {}),
    },
    replies,
    effects,
  };
}

/** The problem a ticket is about: the last topic visited before the recruiter topic, else the one the candidate named. */
function problemTopic(flow: CompiledFlow, path: string[], named: string | undefined): string {
  const steps = path.map((id) => flow.nodes.get(id)?.topic).filter((t): t is string => t !== undefined);
  return steps.findLast((topic) => topic !== ESCALATION_TOPIC) ?? named ?? ESCALATION_TOPIC;
}

function labelOf(flow: CompiledFlow, topic: string): string {
  return flow.topics.get(topic)?.label ?? topic;
}

/** The question the candidate was last asked, if the current step is waiting for an answer. */
function pendingQuestion(flow: CompiledFlow, state: string): Reply | undefined {
  const type = flow.nodes.get(state)?.node.type;
  if (type !== 'advice' && type !== 'question') return undefined;
  return renderState(flow, state).findLast((r) => r.choices !== undefined);
}

/** Whether arriving at this step opened the ticket: pressing "Send it" again there must not show its confirmation without a number. */
function openedTicket(flow: CompiledFlow, state: string): boolean {
  const node = flow.nodes.get(state)?.node;
  return node?.type === 'end' && node.actions.includes('open-ticket');
}

/** The "Send it" buttons of the flow's forms, as Web Chat sends them back: their titles. */
function sendLabels(flow: CompiledFlow): string[] {
  return [...flow.nodes.values()].flatMap(({ node }) => (node.type === 'form' ? [node.labels.send] : []));
}
