import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { ReceivedActivity } from './activities';

export interface LocalConnector {
  serviceUrl: string;
  /** What the bot posted, with the id the connector answered (what the bot may later update). */
  received: { conversationId: string; activity: ReceivedActivity; id: string }[];
  /** Messages the bot replaced (PUT …/activities/:id, as updateActivity sends), in order. */
  updated: { conversationId: string; activityId: string; activity: ReceivedActivity }[];
  /** From now on, answers posts to this conversation with `status` and Teams' error `code`, as Teams does for a bot it removed. */
  refuse(conversationId: string, status: number, code: string): void;
  /** Resolves once `count` activities arrived for the conversation (or rejects after `ms`). */
  waitFor(conversationId: string, count: number, ms?: number): Promise<ReceivedActivity[]>;
  close(): Promise<void>;
}

/**
 * A stand-in for a channel's Bot Connector service (what the Emulator runs): it accepts the
 * bot's replies on POST /v3/conversations/:id/activities[/:replyToId] and its updates on
 * PUT /v3/conversations/:id/activities/:activityId, and records them.
 */
export async function startLocalConnector(): Promise<LocalConnector> {
  const received: LocalConnector['received'] = [];
  const updated: LocalConnector['updated'] = [];
  const refusals = new Map<string, { status: number; code: string }>();
  const waiters = new Set<() => void>();
  const server: Server = createServer((req, res) => {
    let body = '';
    req.on('data', (chunk) => (body += chunk));
    req.on('end', () => {
      const match = /^\/v3\/conversations\/([^/]+)\/activities(?:\/([^/?]+))?/.exec(req.url ?? '');
      const isUpdate = req.method === 'PUT' && match?.[2] !== undefined;
      if ((req.method !== 'POST' && !isUpdate) || !match?.[1]) {
        res.statusCode = 404;
        res.end();
        return;
      }
      const conversationId = decodeURIComponent(match[1]);
      res.setHeader('content-type', 'application/json');
      const refusal = refusals.get(conversationId);
      if (refusal) {
        res.statusCode = refusal.status;
        res.end(JSON.stringify({ error: { code: refusal.code, message: `refused (${refusal.code})` } }));
        return;
      }
      if (isUpdate) {
        const activityId = decodeURIComponent(match[2]!);
        updated.push({ conversationId, activityId, activity: JSON.parse(body) as ReceivedActivity });
        res.end(JSON.stringify({ id: activityId }));
        for (const wake of waiters) wake();
        return;
      }
      const id = `reply-${received.length + 1}`;
      received.push({ conversationId, activity: JSON.parse(body) as ReceivedActivity, id });
      res.end(JSON.stringify({ id }));
      for (const wake of waiters) wake();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;

  const forConversation = (id: string) => received.filter((r) => r.conversationId === id).map((r) => r.activity);
  return {
    serviceUrl: `http://127.0.0.1:${port}/`,
    received,
    updated,
    refuse: (conversationId, status, code) => void refusals.set(conversationId, { status, code }),
    waitFor(conversationId, count, ms = 5000) {
      return new Promise((resolve, reject) => {
        const check = () => {
          if (forConversation(conversationId).length < count) return;
          clearTimeout(timer);
          waiters.delete(check);
          resolve(forConversation(conversationId));
        };
        const timer = setTimeout(() => {
          waiters.delete(check);
          reject(new Error(`expected ${count} activities for ${conversationId}, got ${forConversation(conversationId).length}`));
        }, ms);
        waiters.add(check);
        check();
      });
    },
    close: () =>
      new Promise((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
