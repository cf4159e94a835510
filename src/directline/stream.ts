import type { IncomingMessage, Server as HttpServer } from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocketServer, type WebSocket } from 'ws';
import type { Conversations } from './conversations';
import { DIRECT_LINE_PATH } from './clientRoutes';

const STREAM_PATH = new RegExp(`^${DIRECT_LINE_PATH}/conversations/([A-Za-z0-9_-]{1,64})/stream$`);
/** Streams per conversation: a few tabs; more is a loop reconnecting. */
const MAX_STREAMS = 5;
/** A stream whose client stopped answering pings is closed after this long. */
const HEARTBEAT_MS = 30_000;

export interface ActivityStream {
  close(): void;
}

/**
 * The WebSocket of Direct Line 3.0 (the `streamUrl`): on connect, every activity after the
 * watermark; then each new one as `{ activities: [activity], watermark }`. The token is in the URL
 * because browsers can't set headers on a WebSocket, and it must belong to the conversation.
 */
export function attachActivityStream(httpServer: HttpServer, conversations: Conversations): ActivityStream {
  const wss = new WebSocketServer({ noServer: true, maxPayload: 1024 });
  const streams = new Map<string, Set<WebSocket>>();
  const alive = new WeakSet<WebSocket>();

  function onUpgrade(req: IncomingMessage, socket: Duplex, head: Buffer) {
    const url = new URL(req.url ?? '/', 'http://localhost');
    const conversationId = STREAM_PATH.exec(url.pathname)?.[1];
    if (!conversationId) return refuse(socket, 404, 'Not Found');
    const check = conversations.check(url.searchParams.get('t') ?? undefined, conversationId);
    if (!check.ok) return refuse(socket, check.status, check.status === 401 ? 'Unauthorized' : 'Forbidden');
    wss.handleUpgrade(req, socket, head, (ws) => follow(ws, conversationId, url.searchParams.get('watermark')));
  }

  function follow(ws: WebSocket, conversationId: string, watermark: string | null) {
    const open = streams.get(conversationId) ?? new Set<WebSocket>();
    streams.set(conversationId, open);
    if (open.size >= MAX_STREAMS) open.values().next().value!.close(1008, 'too many streams');
    open.add(ws);
    alive.add(ws);

    const backlog = conversations.after(conversationId, watermark);
    if (backlog.activities.length > 0) ws.send(JSON.stringify(backlog));
    const stop = conversations.listen(conversationId, {
      activity: (activity, mark) => ws.send(JSON.stringify({ activities: [activity], watermark: mark })),
      ended: () => ws.close(1000, 'conversation ended'),
    });
    // DirectLineJS sends an empty message every 20 s; it doubles as "the page is still open".
    ws.on('message', () => conversations.touch(conversationId));
    ws.on('pong', () => alive.add(ws));
    ws.on('close', () => {
      stop();
      open.delete(ws);
      if (open.size === 0) streams.delete(conversationId);
    });
  }

  const heartbeat = setInterval(() => {
    for (const ws of wss.clients) {
      if (!alive.has(ws)) {
        ws.terminate();
        continue;
      }
      alive.delete(ws);
      ws.ping();
    }
  }, HEARTBEAT_MS);
  heartbeat.unref();

  httpServer.on('upgrade', onUpgrade);
  return {
    close() {
      clearInterval(heartbeat);
      httpServer.off('upgrade', onUpgrade);
      // Open sockets would keep server.close() waiting forever.
      for (const ws of wss.clients) ws.terminate();
      wss.close();
    },
  };
}

function refuse(socket: Duplex, status: number, reason: string): void {
  socket.end(`HTTP/1.1 ${status} ${reason}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`);
}
