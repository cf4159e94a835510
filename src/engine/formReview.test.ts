import { join } from 'node:path';
import { loadFlow } from '../flow';
import { createUnderstanding } from './trainedUnderstanding';
import { decideTurn, type Engine } from './decideTurn';
import type { Effect, SavedConversation } from './types';

const flow = loadFlow(join(__dirname, '../../flows'));
const engine: Engine = { flow, understanding: createUnderstanding(flow) };

/** Typed only, as a candidate on a phone would: from a problem to the review, then one more message. */
function atReview(last: string) {
  let state: SavedConversation | undefined;
  let result: ReturnType<typeof decideTurn> | undefined;
  for (const text of ["Page won't load / other error", 'talk to a recruiter', 'send the recruiter a ticket', 'Ada Lovelace', 'ada@example.com', 'Data Analyst', 'Acme Corp', 'Error 500', 'computer', 'chrome', last]) {
    result = decideTurn(engine, state, { kind: 'text', text });
    state = result.state;
  }
  return { text: result!.replies.map((r) => r.text).join('\n'), sent: result!.effects.some((e: Effect) => e.type === 'open-ticket') };
}

describe('at the review, a candidate who types rather than clicks', () => {
  test.each(['yes', 'yes looks good send', 'ok send', 'looks right, send', 'yep thats correct'])('sends the ticket by saying "%s"', (typed) => {
    expect(atReview(typed).sent).toBe(true);
  });

  test.each(['no', 'something is wrong'])('is asked what to change after "%s"', (typed) => {
    const { text, sent } = atReview(typed);
    expect(sent).toBe(false);
    expect(text).toMatch(/What would you like to change/);
  });

  test('"the name is wrong, it should be Ada King" corrects the name without sending', () => {
    const { text, sent } = atReview('the name is wrong, it should be Ada King');
    expect(sent).toBe(false);
    expect(text).toMatch(/Ada King/);
  });
});
