import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import type { Activity } from 'botbuilder';
import type { AnyMachineSnapshot } from 'xstate';
import { loadFlow } from '../src/flow';
import { loadFlowSource } from '../src/flow/load';
import { checkFlow } from '../src/flow/check';
import { GuideFile } from '../src/flow/schema';
import { MAX_WORDS_PER_MESSAGE, wordsIn } from '../src/flow/messageLength';
import { choiceEvent, commandEvent, topicEvent, PASS_ON, WRITE_MYSELF } from '../src/flow/events';
import { createUnderstanding } from '../src/engine/trainedUnderstanding';
import { decideTurn, type Engine } from '../src/engine/decideTurn';
import { renderState } from '../src/engine/render';
import { fillValues } from '../src/conversation/replyValues';
import { toActivity } from '../src/bot/toActivity';
import type { CandidateInput, Reply, SavedConversation } from '../src/engine/types';
import { positionOf } from '../src/flow/position';
import { clickedPaths, devices, pathsOn } from './support/flowWalk';
import { activity, exchange, type ReceivedActivity } from './support/activities';
import { startTestBot, type TestBot } from './support/testBot';
import { startWebhookReceiver } from './support/receivers';
import type { AdaptiveCard as Card, CardElement } from './support/adaptiveCard';

/**
 * Replies that fit a phone (issue 15): every message short enough to read without scrolling, a
 * short menu, the guide's main action in a topic's first reply, a follow-up question that fits
 * the advice, one greeting, nothing a channel shows as an escape or a placeholder, and ticket
 * confirmations that say only what happened.
 */
const flowsDir = join(__dirname, '../flows');
const flow = loadFlow(flowsDir);
const engine: Engine = { flow, understanding: createUnderstanding(flow) };

/** Plays inputs through the pure engine; returns the last turn's replies and where the candidate is. */
function converse(inputs: (string | CandidateInput)[]) {
  let state: SavedConversation | undefined;
  let replies: Reply[] = [];
  for (const input of inputs) {
    const result = decideTurn(engine, state, typeof input === 'string' ? { kind: 'text', text: input } : input);
    state = result.state;
    replies = result.replies;
  }
  return { replies, at: positionOf(state!.snapshot.value).node, text: replies.map((r) => r.text).join('\n'), buttons: replies.flatMap((r) => r.choices?.map((c) => c.label) ?? []) };
}


/** What a person reads of one activity: its text, or the card's TextBlocks and button titles. */
function shownText(sent: Partial<Activity> | ReceivedActivity): string {
  const cards = ((sent.attachments ?? []) as { content: Card }[]).map((a) => a.content);
  const walk = (elements: CardElement[] = []): string[] =>
    elements.flatMap((e) => [e.text ?? '', e.title ?? '', ...walk(e.actions)]).filter(Boolean);
  return [sent.text ?? '', ...cards.flatMap((card) => [...walk(card.body), ...walk(card.actions)])].filter(Boolean).join('\n');
}
/** The words a person reads, buttons aside: what must fit a phone's screen. */
function readText(sent: Partial<Activity> | ReceivedActivity): string {
  const cards = ((sent.attachments ?? []) as { content: Card }[]).map((a) => a.content);
  return [sent.text ?? '', ...cards.flatMap((card) => (card.body ?? []).filter((e) => e.type === 'TextBlock').map((e) => e.text ?? ''))].join('\n');
}

/** A backslash before punctuation is a Markdown escape: Teams cards show it as typed. */
const ESCAPE = /\\[!-/:-@[-`{-~]/;
const PLACEHOLDER = /\{\w+\}/;
const CHANNELS = ['webchat', 'msteams'] as const;
/**
 * Over HTTP, Web Chat's own channel id is accepted only from its Direct Line; the Emulator's
 * replies are rendered the same way (Markdown text, suggested actions), so it stands in for it.
 */
const OVER_HTTP = { webchat: 'emulator', msteams: 'msteams' } as const;

describe('every message fits a phone', () => {
  test(`every text in flows/ is at most ${MAX_WORDS_PER_MESSAGE} words on its own`, () => {
    const texts: [string, string][] = [];
    const walk = (value: unknown, at: string): void => {
      if (typeof value === 'string') texts.push([at, value]);
      else if (Array.isArray(value)) value.forEach((v, i) => walk(v, `${at}.${i}`));
      else if (value && typeof value === 'object') for (const [k, v] of Object.entries(value)) walk(v, `${at}.${k}`);
    };
    for (const file of ['guide.yaml', 'understanding.yaml', ...readdirSync(join(flowsDir, 'topics')).map((f) => `topics/${f}`)]) {
      walk(parse(readFileSync(join(flowsDir, file), 'utf8')), file);
    }
    expect(texts.length).toBeGreaterThan(500);
    expect(texts.filter(([, text]) => wordsIn(text) > MAX_WORDS_PER_MESSAGE).map(([at, text]) => `${at}: ${wordsIn(text)} words`)).toEqual([]);
  });

  test('a flow text too long for a phone, or a topic no click reaches, is refused at start-up, saying where', () => {
    const source = loadFlowSource(flowsDir);
    const node = source.topics.find((t) => t.id === 'link-expired')!.nodes['ask-fresh-link'] as { steps: string[] };
    node.steps[0] = Array.from({ length: 61 }, () => 'word').join(' ');
    source.guide.menu.more.topics = source.guide.menu.more.topics.filter((id) => id !== 'redo-response');
    expect(checkFlow(source).map((p) => `${p.file} ${p.at}: ${p.message}`)).toEqual([
      'flows/guide.yaml menu: topic "redo-response" is on neither the menu nor menu.more: a candidate couldn\'t pick it',
      expect.stringMatching(/link-expired\.yaml nodes\.ask-fresh-link\.steps\.0: 61 words: a phone shows about 60 at once/),
    ]);
    expect(GuideFile.safeParse({ ...source.guide, menu: { ...source.guide.menu, topics: [...source.guide.menu.topics, 'ran-out-of-time'] } }).success).toBe(false);
  });

  /** Every message shown along every clicked path, on every device, as Web Chat and Teams render it. */
  const shown = new Map<string, string>();
  beforeAll(() => {
    const seen = new Set<string>();
    const render = (snapshot: AnyMachineSnapshot) => {
      const key = JSON.stringify([snapshot.value, snapshot.context.device, snapshot.context.check]);
      if (seen.has(key)) return;
      seen.add(key);
      // {ticketId} is filled once the ticket is opened; a sentence naming a value the turn lacks is dropped.
      const replies = fillValues(renderState(flow, snapshot.value, snapshot.context), { ticketId: 'CS-60312345', ticketSent: flow.guide.ticketSent.withSteps });
      for (const channel of CHANNELS) for (const reply of replies) shown.set(`${channel}: ${shownText(toActivity(reply, channel))}`, readText(toActivity(reply, channel)));
    };
    for (const path of [clickedPaths(flow), ...devices.map((device) => pathsOn(flow, device))].flat()) for (const step of path.steps) render(step.state);
  });

  test(`no message along any path is longer than ${MAX_WORDS_PER_MESSAGE} words, on Web Chat or Teams`, () => {
    expect(shown.size).toBeGreaterThan(100);
    const long = [...shown.entries()].filter(([, read]) => wordsIn(read) > MAX_WORDS_PER_MESSAGE).map(([message, read]) => `${wordsIn(read)} words: ${message.slice(0, 80)}`);
    expect(long).toEqual([]);
  });

  test('no message along any path shows a Markdown escape or a {placeholder}, on Web Chat or Teams', () => {
    expect([...shown.keys()].filter((message) => ESCAPE.test(message) || PLACEHOLDER.test(message))).toEqual([]);
  });
});

describe('the menu fits a phone', () => {
  const menu = converse([{ kind: 'start' }]);

  test('at most six topics, then "Something else"', () => {
    expect(menu.buttons.length).toBeLessThanOrEqual(7);
    expect(menu.buttons.at(-1)).toBe(flow.guide.labels.menu);
  });

  test('"Something else" shows every other topic, the recruiter among them, clicked or typed', () => {
    const clicked = converse([{ kind: 'start' }, { kind: 'choice', id: commandEvent('menu') }]);
    const typed = converse([{ kind: 'start' }, 'Something else']);
    const everyTopic = [...flow.topics.values()].map((t) => t.label);
    expect([...menu.buttons.slice(0, -1), ...clicked.buttons].sort()).toEqual(everyTopic.sort());
    expect(typed.buttons).toEqual(clicked.buttons);
    expect(clicked.buttons).toContain(flow.guide.labels.human);
    expect(clicked.text).toMatch(/tell me in a few words/i);
  });

  test('one way to reach the recruiter, never both "Contact the recruiter" and "Talk to a recruiter"', () => {
    const labels = [...menu.buttons, ...converse([{ kind: 'start' }, 'Something else']).buttons, ...converse(['zxcv', 'qwer asdf']).buttons];
    expect(labels.filter((label) => /recruiter/i.test(label))).toEqual([flow.guide.labels.human, flow.guide.labels.human]);
  });

  test.each([...flow.topics.values()].map((t) => [t.label, t.id] as const))('typing "%s" at the menu still opens it', (label, id) => {
    expect(converse([{ kind: 'start' }, label]).at).toBe(converse([{ kind: 'start' }, { kind: 'choice', id: topicEvent(id) }]).at);
    expect(converse([{ kind: 'start' }, label]).at.startsWith(`${id}/`)).toBe(true);
  });
});

describe("a topic's first reply carries the guide's main action", () => {
  test.each([
    ['link-not-found', /ask the company for a new link/i],
    ['page-wont-load', /check the link for typos|typos/i],
    ['link-expired', /fresh link\W* from the recruiter/i],
    ['resume-or-start-new', /click \W*Resume/i],
    ['submitted-need-changes', /contact the recruiter[\s\S]*reset your application/i],
    ['camera-microphone', /allow access in your browser/i],
    ['ran-out-of-time', /finish the rest of your application[\s\S]*contact the recruiter/i],
    ['redo-response', /Retake\W* button/i],
    ['contact-recruiter', /send them a ticket/i],
  ])('%s', (topic, action) => {
    expect(converse([{ kind: 'start' }, { kind: 'choice', id: topicEvent(topic) }]).text).toMatch(action);
  });
});

describe('the question after advice fits the advice', () => {
  const advice = [...flow.nodes.values()].filter((n) => n.node.type === 'advice');
  /** Advice whose action is to write to the recruiter or the company: whether it worked can't be known yet. */
  const contactsThem = (say: string) => /\b(contact|ask|reply to)\b[^.]*\b(recruiter|company|invitation email)\b/i.test(say) && !/if none of these/i.test(say);

  test.each(advice.map((n) => [n.id, n] as const))('%s', (id) => {
    const node = flow.nodes.get(id)!.node as Extract<typeof advice[number]['node'], { type: 'advice' }>;
    const replies = renderState(flow, id);
    const question = replies.at(-1)!;
    if (contactsThem([node.say, ...node.steps].join('\n'))) {
      expect(question.text).toBe(flow.guide.passOn.say);
      expect(question.choices?.map((c) => c.id)).toEqual([choiceEvent(PASS_ON), choiceEvent(WRITE_MYSELF)]);
    } else expect(question.text).toBe(flow.guide.didItHelp.say);
  });

  test('"Yes, pass it on" starts the ticket; "No, I\'ll write to them" says what to include', () => {
    const yes = converse(['my link expired', flow.guide.passOn.yes.label]);
    expect(yes.at).toBe('contact-recruiter/details');
    expect(yes.text).toMatch(/full name/i);
    const no = converse(['my link expired', flow.guide.passOn.no.label]);
    expect(no.at).toBe('contact-recruiter/reach-out');
    expect(no.text).toMatch(/position you applied for/i);
  });
});

describe('the greeting is said once', () => {
  let bot: TestBot;
  beforeAll(async () => {
    bot = await startTestBot();
  });
  afterAll(() => bot.close());

  /** Runs of six words said twice in one turn: the same question asked twice. */
  function repeatedRuns(text: string): string[] {
    const words = text.toLowerCase().match(/[a-z0-9']+/g) ?? [];
    const runs = words.slice(0, -5).map((_, i) => words.slice(i, i + 6).join(' '));
    return [...new Set(runs.filter((run, i) => runs.indexOf(run) !== i))];
  }
  const say = (conversation: string, channelId: string, fields: Record<string, unknown>) =>
    exchange(bot.url, activity(conversation, { channelId, conversation: { id: conversation, conversationType: 'personal' }, ...fields }));

  test.each([
    ['Web Chat joins', 'emulator', [{ type: 'event', name: 'webchat/join', value: {} }]],
    ['Web Chat adds the candidate, then joins', 'emulator', [{ type: 'conversationUpdate', membersAdded: [{ id: 'candidate-1' }] }, { type: 'event', name: 'webchat/join', value: {} }]],
    ['Teams installs the app', 'msteams', [{ type: 'installationUpdate', action: 'add' }, { type: 'conversationUpdate', membersAdded: [{ id: 'bot' }] }]],
    ['the first message is "hi"', 'emulator', [{ type: 'message', text: 'hi' }]],
    ['"hi" after the welcome on Teams', 'msteams', [{ type: 'installationUpdate', action: 'add' }, { type: 'message', text: 'hi' }]],
  ] as const)('%s: one greeting, the question asked once', async (_name, channelId, activities) => {
    const conversation = `greeting-${Math.random()}`;
    const turns: string[] = [];
    for (const fields of activities) turns.push((await say(conversation, channelId, fields)).map(shownText).join('\n'));
    for (const turn of turns) expect(repeatedRuns(turn)).toEqual([]);
    expect(turns.join('\n').match(/\bhi\b|hello/gi)?.length ?? 0).toBeLessThanOrEqual(activities.some((a) => 'text' in a) ? 2 : 1);
    expect(turns.filter(Boolean)).not.toEqual([]);
  });
});

describe('what a candidate sees on each channel through a whole ticket', () => {
  let bot: TestBot;
  let withSink: TestBot;
  let webhook: Awaited<ReturnType<typeof startWebhookReceiver>>;
  beforeAll(async () => {
    webhook = await startWebhookReceiver('webhook-secret-0123456789');
    [bot, withSink] = await Promise.all([startTestBot(), startTestBot({ TICKET_WEBHOOK_URL: webhook.url, TICKET_WEBHOOK_SECRET: 'webhook-secret-0123456789' })]);
  });
  afterAll(() => Promise.all([bot.close(), withSink.close(), webhook.close()]));

  /** A candidate on one channel who clicks as that channel lets them: card data in Teams, button text in Web Chat. */
  function candidateOn(target: TestBot, channelId: (typeof CHANNELS)[number]) {
    const conversation = `${channelId}-${Math.random()}`;
    const seen: string[] = [];
    let last: ReceivedActivity[] = [];
    const send = async (fields: Record<string, unknown>) => {
      last = await exchange(target.url, activity(conversation, { channelId: OVER_HTTP[channelId], conversation: { id: conversation, conversationType: 'personal' }, ...fields }));
      seen.push(...last.map(shownText));
      return last.map(shownText).join('\n');
    };
    return {
      seen,
      send,
      says: (text: string) => send({ type: 'message', text }),
      /** Clicks the button with this title on the last replies, as the channel sends it. */
      clicks: (title: string) => {
        if (channelId === 'webchat') return send({ type: 'message', text: title });
        const buttons = last.flatMap((r) => ((r.attachments ?? []) as { content: Card & { body?: (CardElement & { data?: unknown })[] } }[]).flatMap((a) => [...(a.content.body ?? []), ...(a.content.actions ?? [])]));
        const flat = buttons.flatMap((b) => (b.type === 'ActionSet' ? (b.actions ?? []) : [b])) as (CardElement & { data?: unknown })[];
        const button = flat.find((b) => b.title === title);
        if (!button) throw new Error(`no button "${title}" in ${JSON.stringify(flat.map((b) => b.title))}`);
        return send({ type: 'message', value: button.data });
      },
    };
  }

  /** Straight to the recruiter, or after a topic's advice, answers full of Markdown characters. */
  async function fileTicket(target: TestBot, channelId: (typeof CHANNELS)[number], afterAdvice: boolean) {
    const candidate = candidateOn(target, channelId);
    await candidate.says(afterAdvice ? 'my interview link has expired' : 'talk to a recruiter');
    await candidate.clicks(afterAdvice ? flow.guide.passOn.yes.label : 'Send the recruiter a ticket');
    for (const answer of ['Ada Lovelace', 'ada_l@example.com', 'Dev (Backend)', 'Acme & Co.', 'Oops! Something went wrong {code 0x5F}']) await candidate.says(answer);
    await candidate.clicks('Computer');
    const review = await candidate.clicks('Chrome');
    const sent = await candidate.clicks('Send it');
    // Teams keeps the review card on screen: its "Send it" sends the same data again.
    const again = channelId === 'msteams' ? await candidate.send({ type: 'message', value: { choice: 'form.send' } }) : await candidate.says('Send it');
    return { review, sent, again, seen: candidate.seen };
  }

  test.each(CHANNELS)('%s: the review shows the answers as typed, with no escape or placeholder anywhere', async (channelId) => {
    const { review, seen } = await fileTicket(bot, channelId, false);
    expect(review).toContain('Dev (Backend)');
    expect(review).toContain('Oops! Something went wrong');
    expect(review).toContain('ada_l@example.com');
    expect(seen.filter((text) => ESCAPE.test(text) || PLACEHOLDER.test(text))).toEqual([]);
    expect(seen.filter((text) => wordsIn(text) > MAX_WORDS_PER_MESSAGE)).toEqual([]);
  });

  test.each(CHANNELS)('%s: pressing "Send it" again opens no second ticket and says it was sent, never "{ticketId}"', async (channelId) => {
    const count = async () => (await bot.app.tickets.list({ limit: 1000 })).length;
    const before = await count();
    const { sent, again } = await fileTicket(bot, channelId, true);
    expect(sent).toMatch(/CS-\d{6,}/);
    expect(again.split('\n')[0]).toBe(flow.guide.alreadySent);
    expect(await count()).toBe(before + 1);
  });

  test('with no ticket sink, the candidate is not told a recruiter has it', async () => {
    const { sent } = await fileTicket(bot, 'webchat', true);
    expect(sent).toMatch(/CS-\d{6,}/);
    expect(sent).not.toMatch(/recruiter has/i);
    expect(sent).toMatch(/write to them yourself/i);
  });

  test('with a sink, "the steps you already tried" only after advice was followed', async () => {
    const straight = await fileTicket(withSink, 'webchat', false);
    expect(straight.sent).toMatch(/recruiter has your details/i);
    expect(straight.sent).not.toMatch(/steps you already tried/i);
    const afterAdvice = await fileTicket(withSink, 'webchat', true);
    expect(afterAdvice.sent).toMatch(/recruiter has your details and the steps you already tried/i);
  });
});
