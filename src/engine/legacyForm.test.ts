import { join } from 'node:path';
import { loadFlow } from '../flow';
import { positionName } from '../flow/position';
import { createUnderstanding } from './trainedUnderstanding';
import { decideTurn, type Engine } from './decideTurn';
import type { SavedConversation } from './types';

const flow = loadFlow(join(__dirname, '../../flows'));
const engine: Engine = { flow, understanding: createUnderstanding(flow) };
const FORM = 'contact-recruiter/details';
const answers = { name: 'Ada Lovelace', email: 'ada@example.com', position: 'Data Analyst', company: 'Acme Corp', errorText: 'Error 500' };

/** A conversation as the code before the form became machine states saved it: the form's progress in a field of its own. */
function savedMidForm(form: object, value = FORM): SavedConversation {
  const context = { topic: 'contact-recruiter', path: ['page-wont-load/check-link', 'contact-recruiter/send-or-email', FORM] };
  return { flowVersion: flow.version, snapshot: { value, context }, misses: 0, welcomed: true, form } as SavedConversation;
}

const say = (saved: SavedConversation, text: string) => decideTurn(engine, saved, { kind: 'text', text });
const textOf = (result: ReturnType<typeof decideTurn>) => result.replies.map((r) => r.text).join('\n');

describe('a conversation saved mid-form before the form was part of the machine', () => {
  test('at the review, "Send it" opens the ticket with the answers given before', () => {
    const saved = savedMidForm({ node: FORM, at: 'review', answers, device: { deviceType: 'phone', browser: 'safari' }, editing: false });
    const result = say(saved, 'Send it');
    expect(positionName(result.state.snapshot.value)).toBe('contact-recruiter/ticket-sent');
    expect(result.effects).toContainEqual(expect.objectContaining({ type: 'open-ticket', topic: 'page-wont-load', details: answers, device: { deviceType: 'phone', browser: 'safari' } }));
    expect(result.state).not.toHaveProperty('form');
    expect(result.state.snapshot.context.form).toBeUndefined();
  });

  test('half-way through the questions, the next answer is taken and the next question asked', () => {
    const result = say(savedMidForm({ node: FORM, at: 'field', field: 'email', answers: { name: 'Ada Lovelace' }, editing: false }), 'ada@example.com');
    expect(textOf(result)).toMatch(/Which position/);
    expect(positionName(result.state.snapshot.value)).toBe(`${FORM}/ask-position`);
    expect(result.state.snapshot.context.form?.fields).toEqual({ name: 'Ada Lovelace', email: 'ada@example.com' });
    expect(result.state).not.toHaveProperty('form');
  });

  test('correcting an answer from the review goes back to the review', () => {
    const result = say(savedMidForm({ node: FORM, at: 'field', field: 'company', answers, device: { confirmed: true }, editing: true }), 'Globex');
    expect(positionName(result.state.snapshot.value)).toBe(`${FORM}/review`);
    expect(textOf(result)).toMatch(/Globex/);
  });

  test('progress that can\'t be placed restarts politely instead of guessing', () => {
    const result = say(savedMidForm({ node: 'contact-recruiter/other', at: 'review', answers: {}, editing: false }), 'Send it');
    expect(textOf(result)).toMatch(/updated/i);
    expect(result.effects).toContainEqual({ type: 'restarted', reason: 'flow-updated' });
    expect(result.state.snapshot.value).toBe('menu');
  });

  test('a form field left on a step outside the form is dropped', () => {
    const saved = savedMidForm({ node: FORM, at: 'review', answers, editing: false }, 'page-wont-load/check-link');
    const result = say(saved, 'no');
    expect(positionName(result.state.snapshot.value)).toBe('page-wont-load/try-another-browser');
    expect(result.state).not.toHaveProperty('form');
  });
});
