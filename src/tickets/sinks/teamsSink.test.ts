import { aDraft } from '../fixtures/drafts';
import { Ticket } from '../ticket';
import { teamsSink, type TeamsChannel } from './teamsSink';
import { ADAPTIVE_CARD_CONTENT_TYPE, type TicketActivity } from './ticketCard';

const ticket = Ticket.parse({ ...aDraft(), id: 'CS-000007', createdAt: '2025-03-04T10:00:00.000Z' });
const channelA: TeamsChannel = { key: 'team-a', reference: { conversation: { id: 'a' } } };
const channelB: TeamsChannel = { key: 'team-b', reference: { conversation: { id: 'b' } } };

/** A send that records what each channel was sent, and fails for the channels told to. */
function recordingSend(failures: Record<string, unknown> = {}) {
  const sent: Array<{ conversation: string; activity: TicketActivity }> = [];
  const send = async (reference: Record<string, unknown>, activity: TicketActivity) => {
    const conversation = (reference.conversation as { id: string }).id;
    if (failures[conversation]) throw failures[conversation];
    sent.push({ conversation, activity });
  };
  return { sent, send, failures };
}

/** What the recruiter reads on the card, one line per block: each RichTextBlock's runs, joined. */
function linesOf(activity: TicketActivity): string[] {
  return activity.attachments[0]!.content.body.map((block) => ((block.inlines ?? []) as Array<{ text: string }>).map((r) => r.text).join(''));
}

test('every registered recruiter channel gets an Adaptive Card that opens with the summary sentence', async () => {
  const { sent, send } = recordingSend();
  await teamsSink({ channels: async () => [channelA, channelB], send }).deliver(ticket);

  expect(sent.map((s) => s.conversation)).toEqual(['a', 'b']);
  const { activity } = sent[0]!;
  expect(activity.type).toBe('message');
  expect(activity.summary).toBe("New candidate ticket CS-000007: Page won't load / other error");
  expect(activity.attachments).toHaveLength(1);
  expect(activity.attachments[0]!.contentType).toBe(ADAPTIVE_CARD_CONTENT_TYPE);
  expect(activity.attachments[0]!.content).toMatchObject({ type: 'AdaptiveCard', version: '1.5' });
  const lines = linesOf(activity);
  expect(lines.slice(0, 5)).toEqual([
    "Zoë Quartermaine (Warehouse Supervisor, Northwind Traders) can't get the interview page to load, using Chrome 129 on Windows 11 computer; already tried: checking the link for typos and trying another browser.",
    'Suggested action: Check that the link opens, then send a new link or suggest another way to record.',
    'Already tried:',
    '• checking the link for typos',
    '• trying another browser',
  ]);
  expect(lines).toEqual(
    expect.arrayContaining([
      'Candidate: Zoë Quartermaine',
      'Email: zoe.quartermaine@example.org',
      'Position: Warehouse Supervisor',
      'Company: Northwind Traders',
      "Problem: Page won't load / other error",
      'Device: Chrome 129 on Windows 11 computer',
      'Error: Error 0x8004 — "Sorry, this page is unavailable" <b>after</b> I click Start',
      '1. Check the link for typos.',
      '2. Try a different browser. Chrome and Safari work best.',
    ]),
  );
});

test('a link or list the candidate typed shows on the card as literal text, in runs Teams never reads as Markdown', async () => {
  const { sent, send } = recordingSend();
  const hostile = Ticket.parse({
    ...ticket,
    candidate: { name: '[Reset your password](https://evil.example)', email: '**urgent**@example.org' },
    errorText: '- fake step\n1. another',
  });
  await teamsSink({ channels: async () => [channelA], send }).deliver(hostile);
  const { body } = sent[0]!.activity.attachments[0]!.content;
  expect(body.filter((block) => block.type !== 'RichTextBlock')).toEqual([]);
  const lines = linesOf(sent[0]!.activity);
  expect(lines).toContain('Candidate: [Reset your password](https://evil.example)');
  expect(lines).toContain('Email: **urgent**@example.org');
  expect(lines).toContain('Error: - fake step 1. another');
});

test('a right-to-left override or zero-width character the candidate typed shows on the card as a visible mark', async () => {
  const { sent, send } = recordingSend();
  const disguised = Ticket.parse({ ...ticket, candidate: { name: 'Eve\u200d', email: 'eve@example.org\u202e' }, job: { position: 'Clerk', company: 'Acme \u202egpj.exe' } });
  await teamsSink({ channels: async () => [channelA], send }).deliver(disguised);
  const card = JSON.stringify(sent[0]!.activity);
  expect(card).not.toMatch(/[\u200b-\u200f\u202a-\u202e\u2066-\u2069]/);
  expect(linesOf(sent[0]!.activity)).toEqual(expect.arrayContaining(['Candidate: Eve<U+200D>', 'Email: eve@example.org<U+202E>', 'Company: Acme <U+202E>gpj.exe']));
});

test('the interview link shows on the card as plain text after the device check, with what was found, a possible phishing link first', async () => {
  const { sent, send } = recordingSend();
  const withLink = Ticket.parse({
    ...ticket,
    deviceCheck: { outcome: 'blocked' },
    interviewLink: {
      url: 'https://app-hirevire.com/i/',
      host: 'app-hirevire.com',
      findings: [
        { kind: 'wrapped', by: 'Microsoft Safe Links' },
        { kind: 'look-alike', host: 'app-hirevire.com', of: 'app.hirevire.com', how: 'hyphen' },
        { kind: 'cut-short', why: 'ends-with-separator' },
      ],
    },
  });
  await teamsSink({ channels: async () => [channelA], send }).deliver(withLink);
  const lines = linesOf(sent[0]!.activity);
  const at = lines.indexOf('Device check: the browser blocks the camera or microphone');
  expect(lines.slice(at + 1, at + 3)).toEqual([
    'Interview link: https://app-hirevire.com/i/',
    'Link findings: possible phishing: app-hirevire.com imitates app.hirevire.com (its name with a hyphen added or moved); wrapped by Microsoft Safe Links (taken off); looks cut short: it ends in a separator such as / ? = or -',
  ]);
  const { body } = sent[0]!.activity.attachments[0]!.content;
  const linkRun = (body[at + 1]!.inlines as Array<Record<string, unknown>>)[1];
  // A TextRun with nothing but text: no selectAction, no Markdown link, nothing a click opens.
  expect(linkRun).toEqual({ type: 'TextRun', text: 'https://app-hirevire.com/i/' });
  expect(JSON.stringify(body)).not.toMatch(/\]\(https?:|selectAction|Action\.OpenUrl/);
});

test('a ticket without an interview link has a card without one', async () => {
  const { sent, send } = recordingSend();
  await teamsSink({ channels: async () => [channelA], send }).deliver(ticket);
  expect(linesOf(sent[0]!.activity).filter((line) => /^(Interview link|Link findings):/.test(line))).toEqual([]);
});

test('a ticket at every limit (100 long steps, 500 long transcript lines) still makes a card Teams accepts (under 28 KB)', async () => {
  const { sent, send } = recordingSend();
  const long = 'x'.repeat(4000);
  const huge = Ticket.parse({
    ...ticket,
    errorText: long,
    stepsTried: Array.from({ length: 100 }, (_, i) => ({ id: `step-${i}`, label: `trying thing ${i} `.repeat(20), text: `${long}\n- ${long}` })),
    transcript: Array.from({ length: 500 }, (_, i) => ({ from: i % 2 ? 'bot' : 'candidate', text: long, at: '2025-03-04T10:00:00.000Z' })),
    interviewLink: { url: long, host: long, findings: Array.from({ length: 20 }, () => ({ kind: 'look-alike', host: long, of: long, how: long })) },
  });
  await teamsSink({ channels: async () => [channelA], send }).deliver(huge);
  const card = sent[0]!.activity.attachments[0]!.content;
  expect(Buffer.byteLength(JSON.stringify(card))).toBeLessThan(28_000);
  expect(linesOf(sent[0]!.activity)).toContain('• and 80 more');
});

test('with no recruiter channel registered yet, the delivery fails as waiting, to be retried', async () => {
  const { sent, send } = recordingSend();
  await expect(teamsSink({ channels: async () => [], send }).deliver(ticket)).rejects.toMatchObject({
    name: 'SinkError',
    code: 'no_recruiter_channel',
    kind: 'waiting',
  });
  expect(sent).toEqual([]);
});

test('when one channel fails, the retry posts only to that channel, not again to the one that got it', async () => {
  const { sent, send, failures } = recordingSend({ b: Object.assign(new Error('Forbidden'), { statusCode: 403 }) });
  const sink = teamsSink({ channels: async () => [channelA, channelB], send });

  await expect(sink.deliver(ticket)).rejects.toMatchObject({ kind: 'permanent', status: 403, code: 'teams_403' });
  delete failures.b;
  await sink.deliver(ticket);

  expect(sent.map((s) => s.conversation)).toEqual(['a', 'b']);
});

test.each([
  ['bot removed from the team', { statusCode: 403 }, { kind: 'permanent', status: 403, retryAfterMs: undefined }],
  ['conversation deleted', { statusCode: 404 }, { kind: 'permanent', status: 404, retryAfterMs: undefined }],
  ['throttled, with retryAfter in seconds', { statusCode: 429, retryAfter: 30 }, { kind: 'transient', status: 429, retryAfterMs: 30_000 }],
  ['throttled, with a Retry-After header', { statusCode: 429, response: { headers: new Headers({ 'retry-after': '12' }) } }, { kind: 'transient', status: 429, retryAfterMs: 12_000 }],
  ['Teams service unavailable', { statusCode: 503 }, { kind: 'transient', status: 503, retryAfterMs: undefined }],
  ['network error', { code: 'ECONNRESET' }, { kind: 'transient', code: 'ECONNRESET', status: undefined }],
])('a send failure (%s) is reported for the outbox to schedule', async (_name, failure, expected) => {
  const { send } = recordingSend({ a: Object.assign(new Error('send failed'), failure) });
  const error = await teamsSink({ channels: async () => [channelA], send }).deliver(ticket).catch((e: unknown) => e);
  expect(error).toMatchObject({ name: 'SinkError', ...expected });
});

describe('a channel that removed the bot', () => {
  const removed = () => Object.assign(new Error('The bot is not part of the conversation roster.'), { statusCode: 403, code: 'BotNotInConversationRoster' });

  test('is unregistered, and the other channels still get the card without a retry', async () => {
    const { sent, send } = recordingSend({ b: removed() });
    const forgotten: string[] = [];
    await teamsSink({ channels: async () => [channelA, channelB], send, forgetChannel: async (key) => void forgotten.push(key) }).deliver(ticket);
    expect(sent.map((s) => s.conversation)).toEqual(['a']);
    expect(forgotten).toEqual(['team-b']);
  });

  test('a deleted conversation (404) is unregistered too', async () => {
    const { send } = recordingSend({ b: Object.assign(new Error('Not found'), { statusCode: 404, code: 'ConversationNotFound' }) });
    const forgotten: string[] = [];
    await teamsSink({ channels: async () => [channelA, channelB], send, forgetChannel: async (key) => void forgotten.push(key) }).deliver(ticket);
    expect(forgotten).toEqual(['team-b']);
  });

  test('when it was the only channel, the ticket waits for a new registration instead of failing for good', async () => {
    const { send } = recordingSend({ a: removed() });
    await expect(teamsSink({ channels: async () => [channelA], send, forgetChannel: async () => {} }).deliver(ticket)).rejects.toMatchObject({
      code: 'no_recruiter_channel',
      kind: 'waiting',
    });
  });

  test('any other refusal (403 for another reason) keeps the channel and is retried', async () => {
    const { send } = recordingSend({ a: Object.assign(new Error('Forbidden'), { statusCode: 403, code: 'Forbidden' }) });
    const forgotten: string[] = [];
    await expect(teamsSink({ channels: async () => [channelA], send, forgetChannel: async (key) => void forgotten.push(key) }).deliver(ticket)).rejects.toMatchObject({
      kind: 'permanent',
      status: 403,
    });
    expect(forgotten).toEqual([]);
  });
});

test('the message carrying each channel\'s card is remembered, so card actions can update it there; a failed channel is not', async () => {
  const posted: unknown[] = [];
  const send = async (reference: Record<string, unknown>) => {
    if ((reference.conversation as { id: string }).id === 'b') throw Object.assign(new Error('busy'), { statusCode: 503 });
    return 'card-message-1';
  };
  await expect(teamsSink({ channels: async () => [channelA, channelB], send, remember: async (...args) => void posted.push(args) }).deliver(ticket)).rejects.toThrow('503');
  expect(posted).toEqual([['CS-000007', [{ channelKey: 'team-a', activityId: 'card-message-1' }]]]);
});
