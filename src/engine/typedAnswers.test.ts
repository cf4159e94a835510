import { join } from 'node:path';
import { loadFlow, positionName } from '../flow';
import { createUnderstanding } from './trainedUnderstanding';
import { decideTurn, type Engine } from './decideTurn';
import type { SavedConversation } from './types';

const flow = loadFlow(join(__dirname, '../../flows'));
const engine: Engine = { flow, understanding: createUnderstanding(flow) };

/** Where the candidate is and what they read after typing these messages, no button pressed. */
function typed(...messages: string[]) {
  let state: SavedConversation | undefined;
  let text = '';
  for (const message of messages) {
    const result = decideTurn(engine, state, { kind: 'text', text: message });
    state = result.state;
    text = result.replies.map((r) => r.text).join('\n');
  }
  return { at: positionName(state!.snapshot.value), text };
}

// Found by a candidate-playing critic typing on a phone: each of these used to loop, jump or fall back.
describe('answers typed the way stressed candidates type them', () => {
  test.each([
    [['link says 404', 'omg yes that fixed it thank u'], 'resolved'],
    [['link says 404', 'not really'], 'link-not-found/check-typo'],
    [['link says 404', 'kinda?'], 'link-not-found/check-typo'],
    [['i want to talk to the recruiter', 'send ticket!!'], 'contact-recruiter/details/ask-name'],
    [['my camera doesnt work', 'iphone safari'], 'camera-microphone/allow-in-safari-iphone'],
    [['my camera doesnt work', 'chrome, on my macbook'], 'camera-microphone/allow-in-chrome'],
    [['my camera doesnt work', 'chrome sur android'], 'camera-microphone/allow-in-chrome-android'],
  ])('%j ends at %s', (messages, at) => {
    expect(typed(...messages).at).toBe(at);
  });

  test('"the page works now" after advice is a yes, even wrapped in a story', () => {
    expect(typed('the page wont load', 'ah my vpn was on, it loads now').at).toBe('resolved');
  });

  test('"how much does the job pay?" gets an honest answer, not "didn\'t get that"', () => {
    const { text } = typed('how much does the job pay?');
    expect(text).toMatch(/pay/i);
    expect(text).not.toMatch(/didn't quite get that/);
  });

  test('"can i do the video interview on my phone" gets the guide\'s answer: designed for phones', () => {
    expect(typed('can i do the video interview on my phone').text).toMatch(/phones and tablets/);
  });
});
