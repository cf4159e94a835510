import type { CompiledFlow } from '../flow';
import { ESCALATION_TOPIC } from '../flow/escalationTopic';
import { beyondIn, plainWords, socialIn } from './beyondGuide';
import { commandIn, ANSWER_CONFIDENCE } from './interpret';
import type { Understanding } from './understanding';
import type { Effect, OpenTicket, Reply } from './types';

/** The buttons of "shall I mark it resolved?"; never machine events, so a stale one moves nothing. */
export const RESOLVE_TICKET = 'ticket.resolve';
export const KEEP_TICKET_OPEN = 'ticket.keep-open';

/** A guide problem other than the ticket's, named this surely (and not tied to the ticket), gets the guide's help instead of going to the recruiter. */
const NEW_PROBLEM_CONFIDENCE = 0.6;

export interface TicketAnswer {
  replies: Reply[];
  effects: Effect[];
  /** The reply asks whether to mark the ticket resolved: a typed yes or no answers it next turn. */
  offersToResolve: boolean;
}

/**
 * A message while the candidate has a ticket still being worked on and is not in the middle of
 * the guide: is it about the ticket? A command, small talk, a question the guide answers itself
 * and a different problem named clearly are not (undefined: the guide reads it as usual). "It
 * works now" offers to mark the ticket resolved; anything else goes to the recruiter, as data.
 */
export function aboutTicket(flow: CompiledFlow, understanding: Understanding, text: string, ticket: OpenTicket, offered: boolean): TicketAnswer | undefined {
  if (commandIn(flow, understanding, text)) return undefined;
  if (offered) {
    const answer = understanding.matchPhrase(text, resolveAnswers(flow));
    if (answer && answer.confidence >= ANSWER_CONFIDENCE) return ticketChoice(flow, answer.id, ticket);
  }
  if (understanding.saysHelped(text)) return offerToResolve(flow, ticket);
  if (socialIn(flow, text)) return undefined;
  const beyond = beyondIn(flow, text);
  if (beyond && !beyond.recruiter) return undefined;
  const { topic, confidence } = understanding.classify(text);
  const newProblem = topic !== ticket.topic && topic !== ESCALATION_TOPIC && flow.topics.has(topic) && confidence >= NEW_PROBLEM_CONFIDENCE;
  // "The new link doesn't load either" names a guide problem, but it is news about this ticket.
  if (newProblem && !followsUp(flow, text)) return undefined;
  return { replies: [{ text: say(flow.guide.ticket.forwarded, ticket) }], effects: [{ type: 'ticket-reply', ticketId: ticket.id, text }], offersToResolve: false };
}

/** A click on (or the label of) "Yes, mark it resolved" / "No, keep it open". */
export function ticketChoice(flow: CompiledFlow, id: string, ticket: OpenTicket): TicketAnswer | undefined {
  if (id === RESOLVE_TICKET) return { replies: [{ text: say(flow.guide.ticket.resolved, ticket) }], effects: [{ type: 'resolve-ticket', ticketId: ticket.id }], offersToResolve: false };
  if (id === KEEP_TICKET_OPEN) return { replies: [{ text: say(flow.guide.ticket.keptOpen, ticket) }], effects: [], offersToResolve: false };
  return undefined;
}

function offerToResolve(flow: CompiledFlow, ticket: OpenTicket): TicketAnswer {
  const { offerResolve, resolve, keepOpen } = flow.guide.ticket;
  const choices = [
    { id: RESOLVE_TICKET, label: resolve },
    { id: KEEP_TICKET_OPEN, label: keepOpen },
  ];
  return { replies: [{ text: say(offerResolve, ticket), choices }], effects: [], offersToResolve: true };
}

function resolveAnswers(flow: CompiledFlow) {
  const { ticket, didItHelp } = flow.guide;
  return [
    { id: RESOLVE_TICKET, phrases: [ticket.resolve, ...didItHelp.yes.synonyms, 'mark it resolved', 'resolve it', 'close it'] },
    { id: KEEP_TICKET_OPEN, phrases: [ticket.keepOpen, ...didItHelp.no.synonyms, 'keep it open', 'leave it open'] },
  ];
}

/** Whether the message ties itself to the ticket: the recruiter's new link, "still", "again". */
function followsUp(flow: CompiledFlow, text: string): boolean {
  const words = plainWords(text);
  return flow.guide.ticket.followUp.some((cue) => words.includes(plainWords(cue)));
}

function say(text: string, ticket: OpenTicket): string {
  return text.replaceAll('{ticketId}', ticket.id);
}
