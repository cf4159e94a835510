// Delivery when the bot's process is killed outright (kill -9, OOM): nothing is lost.
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { captureLog } from './fixtures/captureLog';
import { aDraft } from './fixtures/drafts';
import { startWebhookReceiver, type WebhookReceiver } from './fixtures/webhookReceiver';
import { createOutbox } from './outbox';
import { webhookSink } from './sinks/webhookSink';
import { openTicketStore } from './store/sqlite';

const SECRET = 'recruiter-shared-secret-0123456789';
const PRELOAD = path.join(__dirname, '..', 'storage', 'fixtures', 'requireTypeScript.js');
const CLAIM_MS = 60_000;

let dataDir: string;
let receiver: WebhookReceiver;
let child: ChildProcess | undefined;

beforeEach(async () => {
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'outbox-kill-'));
  receiver = await startWebhookReceiver(SECRET);
});

afterEach(async () => {
  child?.kill('SIGKILL');
  await receiver.close();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

async function openTickets(count: number): Promise<string[]> {
  const store = openTicketStore(dataDir);
  try {
    const ids: string[] = [];
    for (let i = 0; i < count; i++) ids.push((await store.openTicket(aDraft({ conversationKey: `c${i}` }), ['webhook'])).ticket.id);
    return ids;
  } finally {
    await store.close();
  }
}

function startDeliveringChild(): Promise<NodeJS.Signals | number> {
  child = spawn(process.execPath, ['-r', PRELOAD, path.join(__dirname, 'fixtures', 'deliverUntilKilled.ts'), dataDir, receiver.url, SECRET], {
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  const proc = child;
  return new Promise((resolve, reject) => {
    proc.on('error', reject);
    proc.on('close', (code, signal) => resolve(signal ?? code ?? -1));
  });
}

/** The bot after the restart, once the dead process's claims have expired. */
async function restartAndDeliver(): Promise<{ undelivered: number }> {
  const later = () => new Date(Date.now() + CLAIM_MS + 1000);
  const store = openTicketStore(dataDir, { now: later });
  const outbox = createOutbox({ store, sinks: { webhook: webhookSink({ url: receiver.url, secret: SECRET }) }, log: captureLog().log, now: later });
  try {
    await outbox.deliverDue();
    return { undelivered: (await store.deliveries.pending()).reduce((sum, p) => sum + p.count, 0) };
  } finally {
    await outbox.stop();
    await store.close();
  }
}

test('a bot killed while the recruiter’s webhook is still answering leaves the ticket to be delivered after the restart', async () => {
  const [id] = await openTickets(1);
  receiver.answerWith({ status: 200, delayMs: 60_000 }); // the answer never comes before the kill
  const exited = startDeliveringChild();
  await receiver.nextArrival();
  child!.kill('SIGKILL');
  expect(await exited).toBe('SIGKILL');

  const store = openTicketStore(dataDir);
  expect(await store.deliveries.forTicket(id!)).toEqual([expect.objectContaining({ deliveredAt: null, claimedUntil: expect.any(Number) })]);
  await store.close();

  receiver.answerWith({ status: 200 });
  expect(await restartAndDeliver()).toEqual({ undelivered: 0 });
  expect(receiver.requests.map((r) => r.idempotencyKey)).toEqual([id, id]);
  expect(receiver.accepted()).toEqual([id]);
});

test('a bot killed in the middle of delivering many tickets loses none: each arrives, at worst twice with the same key', async () => {
  const ids = await openTickets(60);
  const exited = startDeliveringChild();
  while (receiver.requests.length < 20) await receiver.nextArrival();
  child!.kill('SIGKILL');
  expect(await exited).toBe('SIGKILL');

  const store = openTicketStore(dataDir);
  const states = await Promise.all(ids.map(async (id) => (await store.deliveries.forTicket(id))[0]!));
  await store.close();
  expect(states.every((row) => row !== undefined)).toBe(true);
  expect(states.some((row) => row.deliveredAt === null)).toBe(true);

  expect(await restartAndDeliver()).toEqual({ undelivered: 0 });
  expect(receiver.accepted().sort()).toEqual(ids);
  expect(receiver.requests.length).toBeGreaterThanOrEqual(ids.length);
  expect(receiver.requests.every((r) => r.signatureValid)).toBe(true);
});
