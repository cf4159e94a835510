import WebSocket from 'ws';
import { startTestBot, type TestBot } from './support/testBot';

/** What the bot asks after advice that is to contact the recruiter (a 404, an expired link). */
const PASS_ON_QUESTION = 'Want me to pass this to the recruiter now?';

/** Direct Line 3.0 as Web Chat's DirectLineJS speaks it, over real HTTP to the in-process server. */
interface Started {
  conversationId: string;
  token: string;
  streamUrl: string;
}
interface Activity {
  id: string;
  type: string;
  text?: string;
  name?: string;
  from: { id: string; role?: string };
  channelData?: Record<string, unknown>;
  suggestedActions?: { actions: { title: string }[] };
  [field: string]: unknown;
}

let bot: TestBot;
beforeAll(async () => {
  bot = await startTestBot();
});
afterAll(async () => {
  await bot.close();
});

async function call(method: string, path: string, token?: string, body?: unknown): Promise<{ status: number; body: any }> {
  const response = await fetch(`${bot.url}/v3/directline${path}`, {
    method,
    headers: { ...(token && { authorization: `Bearer ${token}` }), ...(body !== undefined && { 'content-type': 'application/json' }) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  return { status: response.status, body: text ? JSON.parse(text) : undefined };
}

async function startConversation(): Promise<Started> {
  const { status, body } = await call('POST', '/conversations');
  expect(status).toBe(201);
  return body as Started;
}

/** What the chat page sends once connected: the join event (its device and locale); the bot greets on it. */
function join(started: Started, locale = 'en-US') {
  return call('POST', `/conversations/${started.conversationId}/activities`, started.token, {
    type: 'event',
    name: 'webchat/join',
    value: {},
    locale,
    from: { id: 'whatever-the-page-says', role: 'user' },
  });
}

function say(started: Started, text: string, clientActivityID = `client-${Math.random()}`) {
  return call('POST', `/conversations/${started.conversationId}/activities`, started.token, {
    type: 'message',
    text,
    from: { id: 'whatever-the-page-says', role: 'user' },
    channelData: { clientActivityID },
  });
}

/** Polls GET …/activities until `done` holds for what arrived after `watermark`. */
async function pollUntil(started: Started, watermark: string, done: (activities: Activity[]) => boolean): Promise<{ activities: Activity[]; watermark: string }> {
  const until = Date.now() + 10_000;
  for (;;) {
    const { status, body } = await call('GET', `/conversations/${started.conversationId}/activities?watermark=${watermark}`, started.token);
    expect(status).toBe(200);
    if (done(body.activities)) return body;
    if (Date.now() > until) throw new Error(`timed out; got ${JSON.stringify(body.activities.map((a: Activity) => a.text ?? a.type))}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

const texts = (activities: Activity[]) => activities.map((a) => a.text ?? `(${a.type})`);
const fromBot = (activities: Activity[]) => activities.filter((a) => a.from.role === 'bot');

/** Collects a stream's activities; resolves `waitFor` once a predicate holds. */
function openStream(url: string) {
  const socket = new WebSocket(url);
  const received: Activity[] = [];
  const watermarks: string[] = [];
  let wake = () => undefined as void;
  socket.on('message', (data) => {
    const text = data.toString();
    if (!text) return;
    const set = JSON.parse(text) as { activities: Activity[]; watermark: string };
    received.push(...set.activities);
    watermarks.push(set.watermark);
    wake();
  });
  return {
    socket,
    received,
    watermarks,
    opened: new Promise<void>((resolve, reject) => {
      socket.once('open', () => resolve());
      socket.once('error', reject);
    }),
    waitFor(check: (activities: Activity[]) => boolean, ms = 10_000): Promise<Activity[]> {
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`stream got only ${JSON.stringify(texts(received))}`)), ms);
        wake = () => {
          if (!check(received)) return;
          clearTimeout(timer);
          resolve(received);
        };
        wake();
      });
    },
    close: () => socket.close(),
  };
}

describe('a page chatting through the local Direct Line', () => {
  test('starting a conversation greets the candidate with the topic menu once the page joins', async () => {
    const started = await startConversation();
    await join(started);
    expect(started.streamUrl).toMatch(new RegExp(`^ws://127\\.0\\.0\\.1:\\d+/v3/directline/conversations/${started.conversationId}/stream\\?`));
    const { activities } = await pollUntil(started, '', (a) => fromBot(a).some((x) => (x.suggestedActions?.actions.length ?? 0) > 0));
    expect(texts(activities).join('\n')).toMatch(/interview link/i);
    expect(fromBot(activities).flatMap((a) => a.suggestedActions?.actions.map((x) => x.title) ?? [])).toContain('Page shows 404 / not found');
  });

  test('a message gets the guide\'s steps; polling from the watermark returns only what is new', async () => {
    const started = await startConversation();
    await join(started);
    const greeting = await pollUntil(started, '', (a) => fromBot(a).some((x) => (x.suggestedActions?.actions.length ?? 0) > 0));

    const posted = await say(started, 'my link says 404', 'client-404');
    expect(posted.status).toBe(200);
    expect(posted.body.id).toMatch(new RegExp(`^${started.conversationId}\\|\\d{7}$`));

    const reply = await pollUntil(started, greeting.watermark, (a) => texts(a).includes(PASS_ON_QUESTION));
    const echo = reply.activities[0]!;
    expect(echo).toMatchObject({ id: posted.body.id, text: 'my link says 404', from: { role: 'user' }, channelData: { clientActivityID: 'client-404' } });
    expect(texts(reply.activities).join('\n')).toMatch(/mistyped or copied/);
    expect(Number(reply.watermark)).toBeGreaterThan(Number(greeting.watermark));

    const nothingNew = await call('GET', `/conversations/${started.conversationId}/activities?watermark=${reply.watermark}`, started.token);
    expect(nothingNew.body).toEqual({ activities: [], watermark: reply.watermark });
  });

  test('the page cannot choose who it speaks as: from.id is the token\'s user', async () => {
    const started = await startConversation();
    await say(started, 'hello');
    const { activities } = await pollUntil(started, '', (a) => a.some((x) => x.text === 'hello'));
    const echo = activities.find((a) => a.text === 'hello')!;
    expect(echo.from.id).toMatch(/^dl_/);
    expect(echo.from.id).not.toBe('whatever-the-page-says');
  });

  test.each([
    ['a conversationUpdate (only Direct Line starts those)', { type: 'conversationUpdate', membersAdded: [{ id: 'x' }] }],
    ['an activity without a type', { text: 'hi' }],
    ['a message longer than any candidate types', { type: 'message', text: 'x'.repeat(10_001) }],
  ])('%s is refused with 400', async (_case, body) => {
    const started = await startConversation();
    const { status, body: answer } = await call('POST', `/conversations/${started.conversationId}/activities`, started.token, body);
    expect(status).toBe(400);
    expect(answer.error.code).toBe('BadArgument');
  });

  test('the WebSocket stream delivers the bot\'s replies as they are sent', async () => {
    const started = await startConversation();
    const stream = openStream(started.streamUrl);
    await stream.opened;
    await join(started);
    await stream.waitFor((a) => texts(a).some((t) => t.includes('What happens when you click your interview link?')));
    await say(started, 'the link says it expired');
    const received = await stream.waitFor((a) => texts(a).includes(PASS_ON_QUESTION));
    expect(texts(received).join('\n')).toMatch(/fresh link|expired/i);
    expect(stream.watermarks.map(Number)).toEqual([...stream.watermarks.map(Number)].sort((a, b) => a - b));
    stream.close();
  });

  test('reconnecting after a reload returns a new token and a stream that replays the conversation', async () => {
    const started = await startConversation();
    await join(started);
    await say(started, 'my link says 404');
    await pollUntil(started, '', (a) => texts(a).includes(PASS_ON_QUESTION));

    const again = await call('GET', `/conversations/${started.conversationId}?watermark=`, started.token);
    expect(again.status).toBe(200);
    expect(again.body.conversationId).toBe(started.conversationId);
    expect(again.body.token).not.toBe(started.token);
    const stream = openStream(again.body.streamUrl);
    const history = await stream.waitFor((a) => texts(a).includes(PASS_ON_QUESTION));
    expect(texts(history)).toContain('my link says 404');
    expect(texts(history).join('\n')).toContain('What happens when you click your interview link?');
    stream.close();
  });

  test('a refreshed token works, and the conversation goes on', async () => {
    const started = await startConversation();
    const refreshed = await call('POST', '/tokens/refresh', started.token);
    expect(refreshed.status).toBe(200);
    expect(refreshed.body.conversationId).toBe(started.conversationId);
    const posted = await say({ ...started, token: refreshed.body.token }, 'menu');
    expect(posted.status).toBe(200);
  });

  test('the token from POST /api/directline/token starts its own conversation in Web Chat\'s way', async () => {
    const response = await fetch(`${bot.url}/api/directline/token`, { method: 'POST' });
    expect(response.status).toBe(200);
    expect(response.headers.get('cache-control')).toBe('no-store');
    const session = (await response.json()) as { token: string; conversationId: string; userId: string; domain: string };
    expect(session).toMatchObject({ domain: '/v3/directline', userId: expect.stringMatching(/^dl_/) });
    const { status, body } = await call('POST', '/conversations', session.token);
    expect(status).toBe(201);
    expect(body.conversationId).toBe(session.conversationId);
  });
});

describe('a candidate who asks the web chat to delete their data', () => {
  test('no longer has what they said replayed: polls and reconnects after "delete my data" show only the confirmation', async () => {
    const started = await startConversation();
    await join(started);
    await pollUntil(started, '', (a) => fromBot(a).some((x) => (x.suggestedActions?.actions.length ?? 0) > 0));
    await say(started, 'my link says 404');
    await say(started, 'delete my data');
    const { activities } = await pollUntil(started, '', (a) => texts(a).some((t) => /erased/i.test(t)));
    expect(texts(activities).join('\n')).not.toMatch(/404|mistyped|delete my data|interview link isn't working/);

    const reconnected = await call('GET', `/conversations/${started.conversationId}?watermark=`, started.token);
    const replay = openStream(reconnected.body.streamUrl);
    const replayed = await replay.waitFor((a) => a.length > 0);
    replay.close();
    expect(texts(replayed).join('\n')).toMatch(/erased/i);
    expect(texts(replayed).join('\n')).not.toMatch(/404/);
  });
});

describe('a token only opens its own conversation', () => {
  let mine: Started;
  let theirs: Started;
  beforeAll(async () => {
    [mine, theirs] = [await startConversation(), await startConversation()];
  });

  test.each([
    ['read its activities', 'GET', (id: string) => `/conversations/${id}/activities?watermark=`],
    ['post to it', 'POST', (id: string) => `/conversations/${id}/activities`],
    ['reconnect to it', 'GET', (id: string) => `/conversations/${id}`],
  ])('another conversation\'s token cannot %s (403)', async (_case, method, path) => {
    const body = method === 'POST' ? { type: 'message', text: 'peek' } : undefined;
    const { status, body: answer } = await call(method, path(theirs.conversationId), mine.token, body);
    expect(status).toBe(403);
    expect(answer.error.code).toBe('WrongConversation');
  });

  test('no token at all is 401, a made-up one 403', async () => {
    expect((await call('GET', `/conversations/${theirs.conversationId}/activities`)).status).toBe(401);
    expect((await call('GET', `/conversations/${theirs.conversationId}/activities`, 'made-up-token')).status).toBe(403);
  });

  test('another conversation\'s stream refuses the WebSocket with 403', async () => {
    const url = theirs.streamUrl.replace(/t=[^&]+/, `t=${mine.token}`);
    const socket = new WebSocket(url);
    const status = await new Promise<number | undefined>((resolve) => {
      socket.on('unexpected-response', (_req, res) => resolve(res.statusCode));
      socket.on('open', () => resolve(101));
      socket.on('error', () => resolve(undefined));
    });
    socket.terminate();
    expect(status).toBe(403);
  });
});

describe('the bot\'s side of the local Direct Line', () => {
  test('replies are accepted only at the serviceUrl the bot was given, and the page never sees that URL', async () => {
    const started = await startConversation();
    const serviceUrl = bot.app.webChat.localDirectLine!.serviceUrl;
    const reply = { type: 'message', text: 'proactive hello', from: { id: 'candidate-support-bot' } };
    const post = (base: string) =>
      fetch(`${base}v3/conversations/${started.conversationId}/activities`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(reply) });

    expect((await post(`${bot.url}/directline-connector/guessed-key/`)).status).toBe(404);
    expect((await post(serviceUrl)).status).toBe(200);

    const { activities } = await pollUntil(started, '', (a) => texts(a).includes('proactive hello'));
    expect(JSON.stringify(activities)).not.toContain('directline-connector');
    expect(activities.find((a) => a.text === 'proactive hello')?.from.role).toBe('bot');
  });

  test('an event from the bot (the device-check request) reaches the page as an event', async () => {
    const started = await startConversation();
    const response = await fetch(`${bot.app.webChat.localDirectLine!.serviceUrl}v3/conversations/${started.conversationId}/activities`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ type: 'event', name: 'webchat/device-check/run' }),
    });
    expect(response.status).toBe(200);
    const { activities } = await pollUntil(started, '', (a) => a.some((x) => x.type === 'event'));
    expect(activities.find((a) => a.type === 'event')).toMatchObject({ name: 'webchat/device-check/run', from: { role: 'bot' } });
  });
});

test('one address starting conversations in a loop is slowed down (429 with Retry-After)', async () => {
  const statuses: number[] = [];
  let retryAfter: string | null = null;
  for (let i = 0; i < 40 && !statuses.includes(429); i++) {
    const response = await fetch(`${bot.url}/v3/directline/conversations`, { method: 'POST' });
    statuses.push(response.status);
    retryAfter ??= response.headers.get('retry-after');
    await response.body?.cancel();
  }
  expect(statuses).toContain(429);
  expect(statuses.filter((s) => s === 201).length).toBeGreaterThanOrEqual(10);
  expect(Number(retryAfter)).toBeGreaterThan(0);
});
