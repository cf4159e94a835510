import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Pool } from 'pg';
import { USER_AGENTS } from '../src/device/fixtures/userAgents';
import { activity, exchange, textOf, type ReceivedActivity } from './support/activities';
import { killHard, startBotProcess, type BotProcess } from './support/botProcess';
import { describeWithPostgres, startTestPostgres, type TestPostgres } from './support/postgres';
import { eventually, startWebhookReceiver } from './support/receivers';

/**
 * Two bot processes on one PostgreSQL database behind an imaginary load balancer that sends each
 * message to whichever instance it likes: a conversation continues across them, messages racing on
 * both are all answered and all recorded, and killing an instance loses no turn and doubles no ticket.
 */

const secret = 'a-webhook-secret-of-some-length';
let db: TestPostgres;
let pool: Pool;
let webhook: Awaited<ReturnType<typeof startWebhookReceiver>>;
let instances: BotProcess[] = [];

function startInstance(): Promise<BotProcess> {
  return startBotProcess({
    STORAGE: 'postgres',
    DATABASE_URL: db.url,
    // Each instance gets its own empty data directory: nothing may be shared through SQLite.
    DATA_DIR: mkdtempSync(join(tmpdir(), 'bot-scale-out-')),
    TICKET_WEBHOOK_URL: webhook.url,
    TICKET_WEBHOOK_SECRET: secret,
    OUTBOX_CLAIM_SECONDS: '2',
    // The load here is the test's own, not a flood.
    RATE_LIMIT_BURST: '1000',
    RATE_LIMIT_PER_SECOND: '1000',
    LOG_LEVEL: 'info',
  });
}

async function say(instance: BotProcess, conversationId: string, text: string): Promise<ReceivedActivity[]> {
  return exchange(instance.url, activity(conversationId, { type: 'message', text }));
}

async function storedTranscript(conversationId: string): Promise<Array<{ from: string; text: string }>> {
  const { rows } = await pool.query<{ value: string }>('SELECT value FROM state WHERE key = $1', [`transcript/conversation/emulator/${conversationId}`]);
  return rows[0] ? (JSON.parse(rows[0].value) as { lines: Array<{ from: string; text: string }> }).lines : [];
}

const candidateLines = async (conversationId: string) => (await storedTranscript(conversationId)).filter((l) => l.from === 'candidate').map((l) => l.text);

/** The path from "the page won't load" to a ticket, as in test/ticket.e2e.test.ts; the replies each step expects. */
function escalation(n: number): Array<{ say: string; expect?: RegExp }> {
  return [
    { say: "the interview page won't load" },
    { say: 'no, still not working' },
    { say: 'no, still not working' },
    { say: 'no, still not working' },
    { say: 'no, still not working', expect: /ticket/i },
    { say: 'Send the recruiter a ticket' },
    { say: `Candidate Number${n}` },
    { say: `candidate${n}@example.com` },
    { say: 'Data Analyst' },
    { say: 'Acme Corp' },
    { say: `Error code E${1000 + n}` },
    { say: 'Yes' },
    { say: 'Send it', expect: /CS-\d{6}/ },
  ];
}

describeWithPostgres('several bot instances on one PostgreSQL database', () => {
  beforeAll(async () => {
    db = await startTestPostgres();
    pool = new Pool({ connectionString: db.url });
    // Slow to answer, so deliveries are still in flight when an instance is killed.
    webhook = await startWebhookReceiver(secret, () => 200, 1500);
    // Started together: both run the migrations at once, and exactly one applies them.
    instances = await Promise.all([startInstance(), startInstance()]);
  }, 60_000);
  afterAll(async () => {
    await Promise.all(instances.filter((i) => i.child.exitCode === null && i.child.signalCode === null).map(killHard));
    await webhook?.close();
    await pool?.end();
    await db?.stop();
  });

  test('a conversation moved between instances turn by turn continues where it was', async () => {
    const [a, b] = instances as [BotProcess, BotProcess];
    await say(a, 'conv-roaming', "the page won't load");
    const second = await say(b, 'conv-roaming', 'no');
    expect(textOf(second)).toMatch(/Chrome and Safari/);
    const third = await say(a, 'conv-roaming', 'no');
    expect(textOf(third)).toMatch(/phone/i);
    expect(textOf(third)).not.toMatch(/updated/i);
    expect(await candidateLines('conv-roaming')).toEqual(["the page won't load", 'no', 'no']);
  });

  test('20 conversations through both instances at once, one killed mid-run: every turn kept, one ticket each, each delivered', async () => {
    const conversations = Array.from({ length: 20 }, (_, n) => ({ id: `conv-load-${n}`, steps: escalation(n) }));
    const alive = () => instances.filter((i) => i.child.exitCode === null && i.child.signalCode === null);
    const pick = (n: number) => alive()[n % alive().length]!;
    const answered: Record<string, string[]> = {};

    async function run(conversation: (typeof conversations)[number], from: number, to: number): Promise<void> {
      const { id, steps } = conversation;
      // The candidate page announces the browser first, as in test/ticket.e2e.test.ts.
      if (from === 0) await exchange(pick(id.length).url, activity(id, { type: 'event', name: 'webchat/join', value: { userAgent: USER_AGENTS.instagramIphone, language: 'en-GB' } }));
      for (let i = from; i < to; i++) {
        const step = steps[i]!;
        // "no" is said twice at once, on both instances: each must be answered and both recorded.
        if (i === 1 || i === 3) {
          const [first, second] = await Promise.all([say(pick(0), id, step.say), say(pick(1), id, steps[i + 1]!.say)]);
          expect(textOf(first)).not.toBe('');
          expect(textOf(second)).not.toBe('');
          (answered[id] ??= []).push(step.say, steps[i + 1]!.say);
          i++;
          continue;
        }
        // "Send it" is sent to both instances at once, as a double-click through a load balancer would.
        const replies = i === steps.length - 1 ? await Promise.all([say(pick(i), id, step.say), say(pick(i + 1), id, step.say)]) : [await say(pick(i + id.length), id, step.say)];
        for (const reply of replies) expect(textOf(reply)).not.toBe('');
        if (step.expect) expect(replies.map(textOf).join('\n')).toMatch(step.expect);
        (answered[id] ??= []).push(...replies.map(() => step.say));
      }
    }

    // First half on both instances, all conversations concurrently; then one instance dies (kill -9)
    // while the survivor carries on; the first ten conversations open their tickets before the kill,
    // so some deliveries are in flight on the killed instance.
    const half = 7;
    await Promise.all(conversations.map((c, n) => run(c, 0, n < 10 ? c.steps.length : half)));
    await killHard(instances[1]!);
    await Promise.all(conversations.slice(10).map((c) => run(c, half, c.steps.length)));

    // No lost turn: everything a candidate was answered for is in the stored transcript.
    for (const { id } of conversations) {
      expect((await candidateLines(id)).sort()).toEqual([...answered[id]!].sort());
    }
    // No doubled ticket: exactly one per escalated conversation.
    const { rows: tickets } = await pool.query<{ id: string; conversation_key: string }>('SELECT id, conversation_key FROM tickets ORDER BY seq');
    expect(tickets.map((t) => t.conversation_key).sort()).toEqual(conversations.map((c) => `conversation/emulator/${c.id}`).sort());
    // Each ticket reaches the webhook; a repeat (a delivery cut off by the kill, retried by the
    // survivor once the claim expired) carries the same key.
    await eventually(() => (new Set(webhook.deliveries.map((d) => d.idempotencyKey)).size >= tickets.length ? true : undefined), 20_000, 'every ticket delivered');
    expect(new Set(webhook.deliveries.map((d) => d.idempotencyKey))).toEqual(new Set(tickets.map((t) => t.id)));
    // …and the outbox ends with every row marked delivered, the killed instance's included.
    for (let waited = 0; (await pool.query('SELECT 1 FROM outbox WHERE delivered_at IS NULL')).rowCount! > 0; waited += 100) {
      if (waited > 15_000) throw new Error('deliveries claimed by the killed instance were never taken over');
      await new Promise((r) => setTimeout(r, 100));
    }
    for (const delivery of webhook.deliveries) {
      expect(delivery.signatureValid).toBe(true);
      expect(delivery.idempotencyKey).toBe(delivery.body.ticket?.id ?? delivery.body.id);
    }
  }, 120_000);
});
