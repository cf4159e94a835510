import { join } from 'node:path';
import { loadFlow, positionOf } from '../flow';
import { createUnderstanding } from './trainedUnderstanding';
import { decideTurn, type Engine } from './decideTurn';
import type { CandidateInput, OpenTicket, SavedConversation, TurnDecision } from './types';
import { KEEP_TICKET_OPEN, RESOLVE_TICKET } from './aboutTicket';

const flow = loadFlow(join(__dirname, '../../flows'));
const engine: Engine = { flow, understanding: createUnderstanding(flow) };
const ticket: OpenTicket = { id: 'CS-60312345', topic: 'link-expired' };

const toTicket = ['my link expired', 'no', 'talk to a recruiter', 'Send the recruiter a ticket', 'Ada Lovelace', 'ada@example.com', 'Data Analyst', 'Acme', 'Phone', 'Safari', 'Send it'];

/** A candidate who sent a ticket about an expired link, then wrote again while it is open. */
function afterTicket(...messages: (string | CandidateInput)[]): TurnDecision & { at: string; text: string; buttons: string[] } {
  let state: SavedConversation | undefined;
  for (const text of toTicket) state = decideTurn(engine, state, { kind: 'text', text }).state;
  let result!: TurnDecision;
  for (const message of messages) {
    result = decideTurn(engine, state, typeof message === 'string' ? { kind: 'text', text: message } : message, ticket);
    state = result.state;
  }
  return {
    ...result,
    at: positionOf(result.state.snapshot.value).node,
    text: result.replies.map((r) => r.text).join('\n'),
    buttons: result.replies.flatMap((r) => r.choices?.map((c) => c.label) ?? []),
  };
}

test('the conversation remembers it opened a ticket, so later turns look it up', () => {
  let state: SavedConversation | undefined;
  for (const text of toTicket) state = decideTurn(engine, state, { kind: 'text', text }).state;
  expect(positionOf(state!.snapshot.value).node).toBe('contact-recruiter/ticket-sent');
  expect(state!.openedTicket).toBe(true);
});

test.each([
  'I clicked the new link the recruiter sent and it still says expired',
  'any news? my deadline is tomorrow',
  'I have a question for the recruiter about the new link',
  "the new link doesn't load either",
  'I got the new link, it shows 404',
  'still not working',
])('"%s" is passed to the recruiter on the ticket', (message) => {
  const turn = afterTicket(message);
  expect(turn.text).toMatch(/^About ticket CS-60312345: \{passedOn\}$/); // filled once the message is passed on (performEffects)
  expect(turn.effects).toEqual([{ type: 'ticket-reply', ticketId: 'CS-60312345', text: message }]);
});

test('"it works now" offers to mark the ticket resolved; yes resolves it', () => {
  const offer = afterTicket('it works now!');
  expect(offer.text).toMatch(/^About ticket CS-60312345: glad it works now/);
  expect(offer.buttons).toEqual(['Yes, mark it resolved', 'No, keep it open']);
  expect(offer.effects).toEqual([]);

  const yes = afterTicket('it works now!', 'yes');
  expect(yes.text).toMatch(/marked resolved/);
  expect(yes.effects).toEqual([{ type: 'resolve-ticket', ticketId: 'CS-60312345' }]);

  expect(afterTicket('it works now!', { kind: 'choice', id: RESOLVE_TICKET }).effects).toEqual([{ type: 'resolve-ticket', ticketId: 'CS-60312345' }]);
});

test('"No, keep it open" keeps it open and passes nothing on', () => {
  const kept = afterTicket('the link works now', { kind: 'choice', id: KEEP_TICKET_OPEN });
  expect(kept.text).toMatch(/stays open/);
  expect(kept.effects).toEqual([]);
  expect(afterTicket('the link works now', 'No, keep it open').effects).toEqual([]);
});

test.each([
  ['my camera is not working, it shows a black screen', /^camera-microphone\//],
  ['the page shows 404', /^link-not-found\//],
  ['i ran out of time on a question', /^ran-out-of-time\//],
])('a new problem named clearly, "%s", gets the guide, not the recruiter', (message, topic) => {
  const turn = afterTicket(message);
  expect(turn.at).toMatch(topic);
  expect(turn.effects.filter((e) => e.type === 'ticket-reply')).toEqual([]);
  expect(turn.text).not.toMatch(/About ticket/);
});

test.each(['start over', 'menu'])('"%s" still works while a ticket is open', (command) => {
  const turn = afterTicket(command);
  expect(turn.at).toBe('menu');
  expect(turn.effects).toEqual([]);
});

test('"thanks" is small talk, not news for the recruiter', () => {
  const turn = afterTicket('thanks!');
  expect(turn.effects).toEqual([]);
  expect(turn.text).not.toMatch(/About ticket/);
});

test('in the middle of the guide, answers are the guide\'s even with a ticket open', () => {
  const turn = afterTicket('my camera is not working, it shows a black screen', 'no');
  expect(turn.effects.filter((e) => e.type === 'ticket-reply')).toEqual([]);
  expect(turn.text).not.toMatch(/About ticket/);
});

test('without an open ticket the same message is the guide\'s', () => {
  let state: SavedConversation | undefined;
  for (const text of toTicket) state = decideTurn(engine, state, { kind: 'text', text }).state;
  const turn = decideTurn(engine, state, { kind: 'text', text: 'it works now!' });
  expect(turn.replies.map((r) => r.text).join('\n')).not.toMatch(/About ticket/);
  expect(turn.effects.filter((e) => e.type === 'ticket-reply' || e.type === 'resolve-ticket')).toEqual([]);
});
