import type { CompiledFlow } from '../flow';
import { ESCALATION_TOPIC } from '../flow/escalationTopic';
import { commandEvent } from '../flow/events';
import { choiceEvent } from '../flow/events';
import { ANSWER_CONFIDENCE, commandIn } from './interpret';
import type { Understanding } from './understanding';

/** A problem sentence must name a guide topic at least this surely to be the ticket's "what happens". */
const PROBLEM_CONFIDENCE = 0.5;
/** "Error: link expired", "Problem - page is blank": the candidate labelled the problem themselves. */
const LABELLED_PROBLEM = /^(?:error(?: message)?|problem|issue|what happens)\s*[:=-]\s*(.+)$/i;

export interface TicketRequest {
  /** The problem in the candidate's words, when the same message describes one. */
  errorText?: string;
  /** The guide topic that problem is about, so the ticket is filed under it rather than "contact the recruiter". */
  topic?: string;
}

/**
 * "Please send the recruiter a ticket: I'm Priya, … The link says 404." One clause asks for the
 * recruiter; the others may describe the problem. A long message like this classifies as its
 * problem, so the request is looked for clause by clause, where "send the recruiter a ticket" is
 * a clear command.
 */
export function ticketRequestIn(flow: CompiledFlow, understanding: Understanding, text: string): TicketRequest | undefined {
  const clauses = text.split(/[.!?;:\n]+(?:\s|$)|\n/).map((c) => c.trim()).filter(Boolean);
  // One clause is the whole message: the caller's own reading has already judged it.
  if (clauses.length < 2) return undefined;
  const ticket = ticketPhrases(flow);
  const asking = clauses.findIndex(
    (clause) => commandIn(flow, understanding, clause, ['human']) === commandEvent('human') || (understanding.matchPhrase(clause, ticket)?.confidence ?? 0) >= ANSWER_CONFIDENCE,
  );
  if (asking < 0) return undefined;
  return problemIn(understanding, flow, text, clauses.filter((_, i) => i !== asking));
}

/**
 * The escalation topic's answers that open the form and name the ticket ("send the recruiter a
 * ticket", "open a ticket"): unambiguous anywhere, unlike its other synonyms ("yes please").
 */
function ticketPhrases(flow: CompiledFlow): { id: string; phrases: string[] }[] {
  const topic = flow.topics.get(ESCALATION_TOPIC);
  const first = topic ? flow.nodes.get(`${topic.id}/${topic.start}`)?.node : undefined;
  if (first?.type !== 'question') return [];
  return first.choices
    .filter((c) => flow.nodes.get(`${topic!.id}/${c.next}`)?.node.type === 'form')
    .map((c) => ({ id: choiceEvent(c.id), phrases: [c.label, ...c.synonyms].filter((p) => /\bticket\b/i.test(p)) }));
}

function problemIn(understanding: Understanding, flow: CompiledFlow, text: string, clauses: string[]): TicketRequest {
  const labelled = /(?:^|[.!?;\n]\s*)((?:error(?: message)?|problem|issue)\s*[:=-]\s*[^.!?;\n]+)/i.exec(text)?.[1];
  const said = labelled ? LABELLED_PROBLEM.exec(labelled)?.[1]?.trim() : undefined;
  const found = clauses
    .map((clause) => ({ clause, reading: understanding.classify(clause) }))
    .filter(({ reading }) => reading.topic !== ESCALATION_TOPIC && flow.topics.has(reading.topic) && reading.confidence >= PROBLEM_CONFIDENCE);
  const errorText = said ?? (found.length > 0 ? found.map((f) => f.clause).join('. ') : undefined);
  const topic = (said ? understanding.classify(said) : found[0]?.reading)?.topic;
  return {
    ...(errorText ? { errorText } : {}),
    ...(topic && topic !== ESCALATION_TOPIC && flow.topics.has(topic) ? { topic } : {}),
  };
}
