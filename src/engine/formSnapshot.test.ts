import { join } from 'node:path';
import { loadFlow } from '../flow';
import { createUnderstanding } from './trainedUnderstanding';
import { decideTurn, type Engine } from './decideTurn';
import type { SavedConversation } from './types';

const flow = loadFlow(join(__dirname, '../../flows'));
const engine: Engine = { flow, understanding: createUnderstanding(flow) };
const FORM = 'contact-recruiter/details';

function play(messages: string[], saved?: SavedConversation) {
  let state = saved;
  for (const text of messages) state = decideTurn(engine, state, { kind: 'text', text }).state;
  return state!;
}

const toReview = ["Page won't load / other error", 'talk to a recruiter', 'Send the recruiter a ticket', 'Ada Lovelace', 'ada@example.com', 'Data Analyst', 'Acme Corp', 'Error 500', 'Phone', 'Safari'];

test('mid-form, the saved snapshot holds the form\'s state and the answers, and stays small', () => {
  const saved = play(toReview);
  expect(saved.snapshot.value).toEqual({ [FORM]: 'review' });
  expect(saved.snapshot.context.form).toEqual({
    fields: { name: 'Ada Lovelace', email: 'ada@example.com', position: 'Data Analyst', company: 'Acme Corp', errorText: 'Error 500' },
    device: { deviceType: 'phone', browser: 'safari' },
  });
  expect(JSON.stringify(saved).length).toBeLessThan(1024);
});

test('a form state the updated guide no longer has restarts the conversation politely', () => {
  const saved = play(toReview);
  const stale: SavedConversation = { ...saved, snapshot: { ...saved.snapshot, value: { [FORM]: 'ask-phone-number' } } };
  const result = decideTurn(engine, stale, { kind: 'text', text: 'Send it' });
  expect(result.effects).toContainEqual({ type: 'restarted', reason: 'flow-updated' });
  expect(result.state.snapshot.value).toBe('menu');
});

test('a saved form step without a state inside it restarts politely rather than skipping the form\'s start', () => {
  const saved = play(toReview);
  const result = decideTurn(engine, { ...saved, snapshot: { ...saved.snapshot, value: FORM } }, { kind: 'text', text: 'Send it' });
  expect(result.effects).toContainEqual({ type: 'restarted', reason: 'flow-updated' });
});
