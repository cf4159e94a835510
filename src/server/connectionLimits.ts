import type { IncomingMessage, Server as NodeServer, ServerResponse } from 'node:http';
import type { Socket } from 'node:net';
import { errorBody } from './sendError';

export interface ConnectionLimitOptions {
  /** Time to send the request headers (slowloris). */
  headersTimeoutMs?: number;
  /** Time to send the whole request, body included; Bot Framework activities are small. */
  requestTimeoutMs?: number;
  /** An idle keep-alive or half-sent connection is closed after this. */
  idleTimeoutMs?: number;
  /** Open connections one address may hold: browsers use six, a channel's proxies a few dozen. */
  perAddress?: number;
}

export const CONNECTION_DEFAULTS: Required<ConnectionLimitOptions> = {
  headersTimeoutMs: 10_000,
  requestTimeoutMs: 30_000,
  idleTimeoutMs: 65_000,
  perAddress: 256,
};

/**
 * Bounds what one client can hold open: slow headers and bodies time out (Node's own defaults let
 * a trickled body live for five minutes) and an address past its share of connections has the new
 * one closed at once. WebSockets (the local Direct Line's stream) count while open; their idle
 * timeout is the stream's own keep-alive, not this one.
 */
export function limitConnections(server: NodeServer, options: ConnectionLimitOptions = {}): void {
  const { headersTimeoutMs, requestTimeoutMs, idleTimeoutMs, perAddress } = { ...CONNECTION_DEFAULTS, ...options };
  server.headersTimeout = headersTimeoutMs;
  // Node enforces this only on a 30 s sweep; the per-request timer below is what cuts a slow body on time.
  server.requestTimeout = requestTimeoutMs;
  server.timeout = idleTimeoutMs;
  server.on('request', function timeRequest(req: IncomingMessage, res: ServerResponse) {
    const timer = setTimeout(function cutSlowRequest() {
      if (req.complete) return;
      res.once('finish', () => req.socket.destroySoon());
      const timedOut = Object.assign(new Error(`The request took longer than ${requestTimeoutMs / 1000} s to arrive`), { statusCode: 408 });
      // The body parser is reading: its error path answers (restify can't be pre-empted mid-request).
      if (req.listenerCount('error') > 0) req.emit('error', timedOut);
      else if (!res.headersSent) {
        res.statusCode = 408;
        res.setHeader('Connection', 'close');
        res.setHeader('Content-Type', 'application/json');
        res.end(JSON.stringify(errorBody('RequestTimeout', timedOut.message)));
      } else req.socket.destroy();
    }, requestTimeoutMs);
    timer.unref();
    res.once('close', () => clearTimeout(timer));
  });

  const open = new Map<string, number>();
  server.on('connection', function countConnection(socket: Socket) {
    const address = socket.remoteAddress ?? 'unknown';
    const count = (open.get(address) ?? 0) + 1;
    if (count > perAddress) {
      socket.destroy();
      return;
    }
    open.set(address, count);
    socket.once('close', () => {
      const left = (open.get(address) ?? 1) - 1;
      if (left > 0) open.set(address, left);
      else open.delete(address);
    });
  });
}
