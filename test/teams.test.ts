import { randomUUID } from 'node:crypto';
import { post, type ReceivedActivity } from './support/activities';
import { openSqliteStore } from '../src/storage/sqliteStore';
import { useBotAndConnector } from './support/testBot';
import type { AdaptiveCard as Card, CardElement } from './support/adaptiveCard';

/** Polls an async check until it holds (or fails after `ms`). */
async function eventually(check: () => Promise<boolean>, ms = 10_000): Promise<void> {
  for (const until = Date.now() + ms; !(await check()); ) {
    if (Date.now() > until) throw new Error('timed out');
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/**
 * Teams through the real HTTP endpoint, with activities shaped as Teams sends them. Teams never asks
 * for replies inline (expectReplies): the bot posts them to the serviceUrl, here a local live.connector.
 */
const APP_ID = '6f1f5d3e-2b7a-4c8e-9d41-0a5b3c2e1f90';
const TENANT = '72f988bf-86f1-41af-91ab-2d7cd011db47';
const BOT = { id: `28:${APP_ID}`, name: 'Interview Link Help' };
const MENTION = `<at>${BOT.name}</at>`;
const mentionOfBot = { type: 'mention', mentioned: BOT, text: MENTION };
const clientInfo = (platform: string) => ({ type: 'clientInfo', platform, locale: 'en-GB', country: 'GB', timezone: 'Europe/London' });

const OPERATOR_TOKEN = 'operator-tickets-api-token-0123456789';
const live = useBotAndConnector({ TICKETS_API_TOKEN: OPERATOR_TOKEN });


const cardsOf = (replies: ReceivedActivity[]) =>
  replies.flatMap((r) => (r.attachments ?? []) as { contentType: string; content: Card }[]).filter((a) => a.contentType === 'application/vnd.microsoft.card.adaptive');

/** Every Action.Submit on the cards, in the card's top-level actions or stacked in ActionSets. */
function buttonsOf(replies: ReceivedActivity[]): CardElement[] {
  const walk = (elements: CardElement[] = []): CardElement[] =>
    elements.flatMap((e) => (e.type === 'Action.Submit' ? [e] : e.type === 'ActionSet' ? walk(e.actions) : []));
  return cardsOf(replies).flatMap(({ content }) => [...walk(content.body), ...walk(content.actions)]);
}

/** What the person reads: message texts and the cards' TextBlocks. */
function textOf(replies: ReceivedActivity[]): string {
  return replies
    .flatMap((r) => [r.text ?? '', ...cardsOf([r]).flatMap(({ content }) => (content.body ?? []).filter((e) => e.type === 'TextBlock').map((e) => e.text ?? ''))])
    .join('\n');
}

/** Someone in Teams: a candidate in a personal chat, or a recruiter in a channel or group chat. */
class TeamsUser {
  readonly aadObjectId = randomUUID();
  last: ReceivedActivity[] = [];

  constructor(
    readonly conversation: { id: string; conversationType: 'personal' | 'channel' | 'groupChat' },
    private readonly extra: Record<string, unknown> = {},
    /** The Teams client they use, as its clientInfo entity says. */
    private readonly platform = 'Windows',
  ) {}

  static candidate(platform = 'Windows') {
    return new TeamsUser({ id: `a:1${randomUUID()}`, conversationType: 'personal' }, {}, platform);
  }

  /** A message in a channel thread: Teams names the thread in the conversation id. */
  static inChannel(teamId: string, channelId: string) {
    return new TeamsUser(
      { id: `${channelId};messageid=${Date.now()}`, conversationType: 'channel' },
      { channelData: { tenant: { id: TENANT }, team: { id: teamId, name: 'Recruiting' }, channel: { id: channelId, name: 'Tickets' } } },
    );
  }

  static inGroupChat() {
    return new TeamsUser({ id: `19:${randomUUID()}@thread.v2`, conversationType: 'groupChat' });
  }

  /** Teams sends both when the app is added in a personal chat. */
  async installsApp() {
    const installed = await this.send({ type: 'installationUpdate', action: 'add' });
    const joined = await this.send({ type: 'conversationUpdate', membersAdded: [{ id: BOT.id }] });
    this.last = [...installed, ...joined];
    return this.last;
  }

  says(text: string) {
    return this.send({ type: 'message', text, textFormat: 'plain', entities: [clientInfo(this.platform)] });
  }

  mentionsBotSaying(text: string) {
    return this.send({ type: 'message', text: `${MENTION} ${text}`, textFormat: 'plain', entities: [mentionOfBot, clientInfo(this.platform)] });
  }

  /** Clicks a card button: Teams posts the button's data as the message's value, with no text. */
  clicks(label: string) {
    const button = buttonsOf(this.last).find((b) => b.title === label);
    if (!button) throw new Error(`no card button "${label}" in: ${JSON.stringify(this.buttons)}`);
    return this.send({ type: 'message', value: button.data, entities: [clientInfo(this.platform)] });
  }

  async send(fields: Record<string, unknown>): Promise<ReceivedActivity[]> {
    const before = live.connector.received.length;
    const { status, body } = await post(live.bot.url, {
      id: `1${Date.now()}${Math.floor(Math.random() * 1000)}`,
      channelId: 'msteams',
      serviceUrl: live.connector.serviceUrl,
      timestamp: new Date().toISOString(),
      locale: 'en-GB',
      from: { id: `29:1${this.aadObjectId}`, name: 'Ada Lovelace', aadObjectId: this.aadObjectId },
      recipient: BOT,
      conversation: { ...this.conversation, tenantId: TENANT, isGroup: this.conversation.conversationType !== 'personal' },
      channelData: { tenant: { id: TENANT } },
      ...this.extra,
      ...fields,
    });
    if (status >= 300) throw new Error(`bot answered ${status}: ${JSON.stringify(body)}`);
    // The turn finished before the HTTP answer, so every reply has reached the live.connector.
    this.last = live.connector.received.slice(before).filter((r) => r.conversationId === this.conversation.id).map((r) => r.activity);
    return this.last;
  }

  get text() {
    return textOf(this.last);
  }

  get buttons() {
    return buttonsOf(this.last).map((b) => b.title);
  }
}

describe('a candidate in a Teams personal chat', () => {
  test.each<[string, (candidate: TeamsUser) => Promise<ReceivedActivity[]>]>([
    ['installationUpdate', (candidate) => candidate.send({ type: 'installationUpdate', action: 'add' })],
    ['conversationUpdate adding the bot', (candidate) => candidate.send({ type: 'conversationUpdate', membersAdded: [{ id: BOT.id }] })],
    ['both, as Teams sends them', (candidate) => candidate.installsApp()],
  ])('installing the app (%s) greets them once, with the topics as card buttons', async (_events, install) => {
    const candidate = TeamsUser.candidate();
    await install(candidate);
    expect(candidate.text.match(/I help when your video interview link isn't working/g)).toHaveLength(1);
    expect(candidate.buttons).toEqual(expect.arrayContaining(['Page shows 404 / not found', 'Link expired or no longer valid', 'Camera or microphone not working']));
    expect(candidate.last.some((r) => r.suggestedActions)).toBe(false);
    expect(buttonsOf(candidate.last).find((b) => b.title === 'Link expired or no longer valid')?.data).toEqual({ choice: 'topic.link-expired' });
  });

  test('clicking a card button moves on to that topic', async () => {
    const candidate = TeamsUser.candidate();
    await candidate.installsApp();
    await candidate.clicks('Link expired or no longer valid');
    expect(candidate.text).toMatch(/invitation email/i);
  });

  test('typing works too: the steps come as plain text, the question as a card', async () => {
    const candidate = TeamsUser.candidate();
    await candidate.says('my interview link says 404');
    expect(candidate.last[0]).toMatchObject({ type: 'message', text: expect.stringMatching(/mistyped|copied/i) });
    expect(candidate.last[0]?.attachments ?? []).toEqual([]);
    expect(candidate.buttons).toEqual(['Yes, pass it on', "No, I'll write to them"]);
    await candidate.clicks('Yes, pass it on');
    expect(candidate.text).toMatch(/full name/i);
  });

  test('a candidate chatting on Teams for Windows is asked whether that computer is their interview device, not assumed to be', async () => {
    const candidate = TeamsUser.candidate('Windows');
    await candidate.says('my camera is not working');
    expect(candidate.text).toMatch(/You're chatting on \*\*Windows computer\*\*/);
    expect(candidate.text).toMatch(/Is that the device and browser you use for the interview/);
    expect(candidate.buttons).toEqual(expect.arrayContaining(['Yes, the same one', 'No, another one']));
    await candidate.clicks('No, another one');
    expect(candidate.text).toMatch(/Which browser are you using for the interview/);
  });

  test('a candidate on Teams for iPhone is asked which browser they interview in: Teams does not say', async () => {
    const candidate = TeamsUser.candidate('iOS');
    await candidate.says('my camera is not working');
    expect(candidate.text).toMatch(/Which browser are you using for the interview/);
    expect(candidate.text).not.toMatch(/You're chatting on/);
  });
});

describe('recruiters in a Teams channel or group chat', () => {
  test.each([
    ['a channel', () => TeamsUser.inChannel(`19:${randomUUID()}@thread.tacv2`, `19:${randomUUID()}@thread.tacv2`)],
    ['a group chat', () => TeamsUser.inGroupChat()],
  ])('in %s the bot stays quiet unless it is mentioned', async (_where, recruiterIn) => {
    const recruiter = recruiterIn();
    expect(await recruiter.says('my interview link expired')).toEqual([]);
    await recruiter.mentionsBotSaying('my interview link expired');
    expect(recruiter.text).toMatch(/invitation email/i);
  });

  test('adding the app to a team does not greet the channel with the candidate menu', async () => {
    const channel = `19:${randomUUID()}@thread.tacv2`;
    const recruiter = TeamsUser.inChannel(channel, channel);
    expect(await recruiter.send({ type: 'installationUpdate', action: 'add' })).toEqual([]);
    expect(await recruiter.send({ type: 'conversationUpdate', membersAdded: [{ id: BOT.id }] })).toEqual([]);
  });

  test('a candidate typing "register for tickets" in their personal chat does not get other candidates\' tickets', async () => {
    const before = (await live.bot.app.tickets.recruiterChannels()).length;
    const candidate = TeamsUser.candidate();
    await candidate.says('register for tickets');
    expect(candidate.text).not.toMatch(/tickets will be posted/i);
    expect(await live.bot.app.tickets.recruiterChannels()).toHaveLength(before);
  });

  test('without authentication, "register for tickets" in a channel registers nothing: the bot says an operator must do it', async () => {
    const channel = `19:${randomUUID()}@thread.tacv2`;
    const recruiter = TeamsUser.inChannel(`19:${randomUUID()}@thread.tacv2`, channel);
    await recruiter.mentionsBotSaying('register for tickets');
    expect(recruiter.text).toMatch(/ask the bot's operator/i);
    expect(recruiter.text).not.toMatch(/tickets will be posted/i);
    expect(await registered()).not.toContain(channel);
  });

  test('a channel the operator registered gets the next ticket\'s card as a new post, with what Teams said of the candidate\'s phone', async () => {
    const channel = `19:${randomUUID()}@thread.tacv2`;
    await operatorRegisters(channel);

    const candidate = TeamsUser.candidate('iOS');
    await filesTicket(candidate);
    const ticketId = /CS-\d{6,}/.exec(candidate.text)?.[0];
    expect(ticketId).toBeDefined();

    const [card] = await live.connector.waitFor(channel, 1, 10000);
    expect(JSON.stringify(card?.attachments)).toContain(ticketId);

    // Teams' clientInfo reached the ticket, described as the chat device, never as the interview's.
    const ticket = await live.bot.app.tickets.get(ticketId!);
    expect(ticket).toMatchObject({ channel: 'msteams', locale: 'en-GB', timezone: 'Europe/London' });
    expect(ticket?.device.profile).toMatchObject({ teamsPlatform: 'iOS' });
    expect(ticket?.device.profile?.sameDeviceAsInterview).not.toBe(true);
  });

  test("the candidate's answer and their \"it works now\" reach the channel that got the card, as plain messages naming the ticket", async () => {
    const channel = `19:${randomUUID()}@thread.tacv2`;
    await operatorRegisters(channel);
    const candidate = TeamsUser.candidate();
    await filesTicket(candidate);
    const ticketId = /CS-\d{6,}/.exec(candidate.text)![0];
    await live.connector.waitFor(channel, 1, 10000);
    await eventually(async () => (await live.bot.app.tickets.deliveryStatus(ticketId)).some((d) => d.sink === 'teams' && d.delivered));

    await candidate.says('the new link from the recruiter says expired too');
    expect(candidate.text).toMatch(new RegExp(`^About ticket ${ticketId}: I've passed your message to the recruiter`));
    const [, update] = await live.connector.waitFor(channel, 2, 10000);
    expect(update).toMatchObject({ type: 'message', textFormat: 'plain' });
    expect(update?.text).toBe(`The candidate wrote about ticket ${ticketId}:\n\nthe new link from the recruiter says expired too\n\nStatus: open.`);

    await candidate.says('it works now');
    await candidate.clicks('Yes, mark it resolved');
    expect(candidate.text).toMatch(/marked resolved/);
    const [, , resolved] = await live.connector.waitFor(channel, 3, 10000);
    expect(resolved?.text).toMatch(new RegExp(`^Ticket ${ticketId} was marked resolved by the candidate`));
  });

  test('without authentication, "stop tickets" leaves the channel registered and says an operator must do it; the operator\'s removal stops the cards', async () => {
    const channel = `19:${randomUUID()}@thread.tacv2`;
    const recruiter = TeamsUser.inChannel(`19:${randomUUID()}@thread.tacv2`, channel);
    await operatorRegisters(channel);

    await recruiter.mentionsBotSaying('stop tickets');
    expect(recruiter.text).toMatch(/ask the bot's operator/i);
    expect(await registered()).toContain(channel);

    const removed = await operatorApi('DELETE', `/api/tickets/channels/${encodeURIComponent(`conversation/msteams/${channel}`)}`);
    expect(removed.status).toBe(204);
    expect(await registered()).not.toContain(channel);
  });

  test('a channel that removed the bot is unregistered when Teams refuses its card; the other channels still get it', async () => {
    const [gone, kept] = [`19:${randomUUID()}@thread.tacv2`, `19:${randomUUID()}@thread.tacv2`];
    for (const channel of [gone, kept]) await operatorRegisters(channel);
    live.connector.refuse(gone, 403, 'BotNotInConversationRoster');

    const candidate = TeamsUser.candidate();
    await filesTicket(candidate);
    const ticketId = /CS-\d{6,}/.exec(candidate.text)?.[0];

    const [card] = await live.connector.waitFor(kept, 1, 10000);
    expect(JSON.stringify(card?.attachments)).toContain(ticketId);
    for (let tries = 0; (await registered()).includes(gone) && tries < 100; tries++) await new Promise((resolve) => setTimeout(resolve, 50));
    expect(await registered()).not.toContain(gone);
    expect(await registered()).toContain(kept);
  });
});

describe('a Teams candidate who asks to delete their data', () => {
  test('leaves nothing stored under their conversation: state, transcript, device details, nor the reference that names them', async () => {
    const candidate = TeamsUser.candidate();
    await candidate.says('my camera is not working');
    await candidate.clicks('Check my camera and mic');
    const key = `conversation/msteams/${candidate.conversation.id}`;
    const keys = [key, `transcript/${key}`, `device/${key}`, `reference/${key}`];
    const store = openSqliteStore(live.bot.dataDir);
    try {
      expect(Object.keys(await store.read(keys)).sort()).toEqual([...keys].sort());
      await candidate.says('delete my data');
      expect(candidate.text).toMatch(/erased/i);
      expect(await store.read(keys)).toEqual({});
    } finally {
      store.close();
    }
  });
});

describe('Teams refusing a ticket card', () => {
  test('a card Teams refuses is not counted as delivered: the ticket waits to be retried', async () => {
    const channel = `19:${randomUUID()}@thread.tacv2`;
    await operatorRegisters(channel);
    live.connector.refuse(channel, 403, 'Forbidden');

    const candidate = TeamsUser.candidate();
    await filesTicket(candidate);
    const ticketId = /CS-\d{6,}/.exec(candidate.text)![0];
    const teams = async () => (await live.bot.app.tickets.deliveryStatus(ticketId)).find((d) => d.sink === 'teams');
    for (let tries = 0; ((await teams())?.attempts ?? 0) === 0 && tries < 100; tries++) await new Promise((resolve) => setTimeout(resolve, 50));
    expect(await teams()).toMatchObject({ delivered: false, attempts: 1, lastError: expect.stringMatching(/403/) });
    // Nothing was posted into the failing channel, not even an apology.
    expect(live.connector.received.filter((r) => r.conversationId === channel)).toEqual([]);
    await live.bot.app.tickets.unregisterRecruiterChannel(`conversation/msteams/${channel}`);
  });
});

/** The tickets API, as an operator's tool calls it. */
async function operatorApi(method: string, path: string, body?: unknown): Promise<{ status: number; body: any }> {
  const response = await fetch(`${live.bot.url}${path}`, {
    method,
    headers: { authorization: `Bearer ${OPERATOR_TOKEN}`, ...(body !== undefined && { 'content-type': 'application/json' }) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  return { status: response.status, body: text ? JSON.parse(text) : undefined };
}

/** The operator registers a Teams channel for ticket cards (the chat command needs authentication). */
async function operatorRegisters(channel: string): Promise<void> {
  const { status, body } = await operatorApi('POST', '/api/tickets/channels', {
    channelId: 'msteams',
    serviceUrl: live.connector.serviceUrl,
    conversation: { id: channel, conversationType: 'channel', isGroup: true, tenantId: TENANT },
    bot: BOT,
  });
  expect(status).toBe(201);
  expect(body).toEqual({ key: `conversation/msteams/${channel}` });
}

/** The conversations that receive ticket cards now. */
async function registered(): Promise<string[]> {
  return (await live.bot.app.tickets.recruiterChannels()).map((c) => (c.reference as { conversation: { id: string } }).conversation.id);
}

/** Walks a Teams candidate from an expired link to a sent ticket. */
async function filesTicket(candidate: TeamsUser): Promise<void> {
  await candidate.says('my interview link expired');
  await candidate.says('talk to a recruiter');
  await candidate.clicks('Send the recruiter a ticket');
  for (const answer of ['Grace Hopper', 'grace@example.com', 'Engineer', 'Navy', 'It says the link expired']) await candidate.says(answer);
  while (!candidate.buttons.includes('Send it')) {
    const next = ['Computer', 'Chrome', 'No'].find((label) => candidate.buttons.includes(label));
    if (!next) throw new Error(`unexpected form step: ${candidate.text} ${JSON.stringify(candidate.buttons)}`);
    await candidate.clicks(next);
  }
  await candidate.clicks('Send it');
}

describe('a Teams candidate checks the camera on the interview device', () => {
  test('"Check my camera and mic" sends a link; the result from that device answers in the Teams chat', async () => {
    const candidate = TeamsUser.candidate();
    await candidate.says('my camera is not working');
    await candidate.clicks('Check my camera and mic');
    const link = /https?:\/\/\S+\/check\?t=[\w.-]+/.exec(candidate.text)?.[0];
    expect(link).toBeDefined();

    // The candidate opens the link on their laptop; its check page posts the result.
    const before = live.connector.received.filter((r) => r.conversationId === candidate.conversation.id).length;
    const token = new URL(link!).searchParams.get('t')!;
    const response = await fetch(`${live.bot.url}/api/device-check?t=${encodeURIComponent(token)}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ camera: 'denied', microphone: 'prompt', videoInputs: 1, audioInputs: 1, getUserMedia: 'NotAllowedError', checkedAt: new Date().toISOString() }),
    });
    expect(response.status).toBe(200);
    const answer = await live.connector.waitFor(candidate.conversation.id, before + 1);
    expect(textOf(answer.slice(before))).toMatch(/blocking/);
  });
});
