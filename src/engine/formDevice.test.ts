import { join } from 'node:path';
import { loadFlow } from '../flow';
import { createUnderstanding } from './trainedUnderstanding';
import { decideTurn, type Engine } from './decideTurn';
import type { CandidateInput, SavedConversation } from './types';

const flow = loadFlow(join(__dirname, '../../flows'));
const engine: Engine = { flow, understanding: createUnderstanding(flow) };

function play(inputs: (string | CandidateInput)[]) {
  let state: SavedConversation | undefined;
  let replies: { text: string; choices?: { label: string }[] }[] = [];
  for (const input of inputs) ({ state, replies } = decideTurn(engine, state, typeof input === 'string' ? { kind: 'text', text: input } : input));
  return { text: replies.map((r) => r.text).join('\n'), buttons: replies.flatMap((r) => r.choices?.map((c) => c.label) ?? []) };
}

const toForm = ["Page won't load / other error", 'talk to a recruiter', 'Send the recruiter a ticket'];
const answers = ['Ada Lovelace', 'ada@example.com', 'Data Analyst', 'Acme Corp', 'Error 500'];

describe('changing the interview device from the review', () => {
  test('a device the bot knows is offered for confirmation again', () => {
    const device = { source: 'webchat' as const, browser: 'chrome' as const, os: 'windows' as const, deviceType: 'computer' as const };
    const chat = play([{ kind: 'start', device }, ...toForm, ...answers, 'No', 'Phone', 'Safari', 'Change something', 'Device and browser']);
    expect(chat.buttons).toEqual(['Yes', 'No', 'Cancel']);
  });

  test('when the bot knows nothing about the device, it asks for it rather than confirming "Unknown device"', () => {
    const chat = play([{ kind: 'start', device: { source: 'webchat' } }, ...toForm, ...answers, 'Phone', 'Safari', 'Change something', 'Device and browser']);
    expect(chat.text).toMatch(/Which device/);
    expect(chat.buttons).toEqual(['Computer', 'Phone', 'Tablet', 'Cancel']);
  });
});

describe('"is that the device you use for the interview?" answered in words', () => {
  test('"iphone safari" is no, this one: the review shows Phone, Safari without asking again', () => {
    const device = { source: 'webchat' as const, browser: 'chrome' as const, os: 'windows' as const, deviceType: 'computer' as const };
    const chat = play([{ kind: 'start', device }, ...toForm, ...answers, 'iphone safari']);
    expect(chat.text).toMatch(/Device and browser:\*\* Phone, Safari/);
    expect(chat.buttons).toEqual(['Send it', 'Change something', 'Cancel']);
  });
});
