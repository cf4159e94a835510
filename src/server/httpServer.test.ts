import type { AddressInfo } from 'node:net';
import { createConnection, type Socket } from 'node:net';
import { createLogger } from '../log';
import { createHttpServer } from './httpServer';

async function healthOf(health: () => { problems?: string[] } & Record<string, unknown>) {
  const server = createHttpServer({
    messages: async () => ({ status: 200 }),
    log: createLogger('silent'),
    health,
    rateLimit: { burst: 10, perSecond: 10 },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  try {
    const response = await fetch(`http://127.0.0.1:${(server.address() as AddressInfo).port}/healthz`);
    return { status: response.status, body: (await response.json()) as Record<string, unknown> };
  } finally {
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }
}

test('an operator sees ok and the flow version while everything works', async () => {
  expect(await healthOf(() => ({ flowVersion: 'abc', problems: [] }))).toEqual({ status: 200, body: { status: 'ok', flowVersion: 'abc' } });
});

test('a load balancer gets 503 and the reason when the instance cannot save conversations', async () => {
  const problems = ['state database: State database thread exited with code 1'];
  expect(await healthOf(() => ({ flowVersion: 'abc', problems }))).toEqual({
    status: 503,
    body: { error: 'unhealthy', message: 'This instance cannot serve conversations right now.', status: 'failing', problems, flowVersion: 'abc' },
  });
});

describe('one client cannot hold the server open', () => {
  async function serverWith(connections: Parameters<typeof createHttpServer>[0]['connections']) {
    const server = createHttpServer({ messages: async () => ({ status: 200 }), log: createLogger('silent'), health: () => ({}), rateLimit: { burst: 10, perSecond: 10 }, connections });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    return { server, port: (server.address() as AddressInfo).port, close: () => new Promise<void>((resolve) => { server.server.closeAllConnections(); server.close(() => resolve()); }) };
  }
  const connect = (port: number) =>
    new Promise<Socket>((resolve, reject) => {
      const socket = createConnection({ port, host: '127.0.0.1' }, () => resolve(socket));
      socket.on('error', reject);
    });
  const closed = (socket: Socket) => new Promise<string>((resolve) => {
    let data = '';
    socket.on('data', (chunk) => (data += chunk.toString()));
    socket.on('close', () => resolve(data));
  });

  test('a body trickled in slower than the request timeout is cut off with 408', async () => {
    const { port, close } = await serverWith({ requestTimeoutMs: 1000, headersTimeoutMs: 500 });
    try {
      const socket = await connect(port);
      const answer = closed(socket);
      socket.write('POST /api/messages HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 1000\r\n\r\n{');
      const drip = setInterval(() => socket.writable && socket.write(' '), 200);
      const text = await answer;
      clearInterval(drip);
      expect(text).toMatch(/^HTTP\/1\.1 408/);
    } finally {
      await close();
    }
  });

  test('an address past its share of connections has the new one closed, and gets one again once it lets go', async () => {
    const { port, close } = await serverWith({ perAddress: 3 });
    try {
      const held = await Promise.all([connect(port), connect(port), connect(port)]);
      const extra = await connect(port);
      await closed(extra);
      expect(extra.destroyed).toBe(true);
      held[0]!.destroy();
      await new Promise((resolve) => setTimeout(resolve, 50));
      const response = await fetch(`http://127.0.0.1:${port}/healthz`);
      expect(response.status).toBe(200);
      held.forEach((s) => s.destroy());
    } finally {
      await close();
    }
  });
});

describe('with authentication on, a forged request costs the forger, not the conversation it names', () => {
  const appId = '00000000-0000-4000-8000-000000000001';
  const b64 = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');
  // One clock reading for the whole suite: a token made again across a second's boundary would differ from the stub's.
  const now = Math.floor(Date.now() / 1000);
  const token = (signature: string) => {
    const body = { iss: 'https://api.botframework.com', aud: appId, exp: now + 3600, nbf: now - 60 };
    return `Bearer ${b64({ alg: 'RS256', kid: 'k' })}.${b64(body)}.${Buffer.from(signature).toString('base64url')}`;
  };
  const activity = { type: 'message', text: 'hi', channelId: 'msteams', conversation: { id: 'victim' }, from: { id: 'victim-user' }, serviceUrl: 'https://smba.trafficmanager.net/emea/' };

  // Stands in for botbuilder's signature check (which needs Azure's signing keys): only the token
  // signed "genuine" verifies, and only a verified request is offered to the flood control.
  async function server() {
    const server = createHttpServer({
      messages: async (body, authorization, admit) => (authorization === token('genuine') ? (admit(body) ?? { status: 200 }) : { status: 401, body: { error: 'Unauthorized' } }),
      log: createLogger('silent'),
      health: () => ({}),
      appId,
      rateLimit: { burst: 5, perSecond: 0.01 },
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/api/messages`;
    const post = (authorization: string) => fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', authorization }, body: JSON.stringify(activity) });
    return { post, close: () => new Promise<void>((resolve) => { server.server.closeAllConnections(); server.close(() => resolve()); }) };
  }

  test('more forged requests than the conversation\'s burst leave its real messages answered', async () => {
    const { post, close } = await server();
    try {
      const forged = [];
      for (let i = 0; i < 15; i++) forged.push((await post(token(`forged-${i}`))).status);
      expect(new Set(forged)).toEqual(new Set([401]));
      expect((await post(token('genuine'))).status).toBe(200);
    } finally {
      await close();
    }
  });

  test('an address that keeps failing authentication is refused with 429 before its token is looked at', async () => {
    const { post, close } = await server();
    try {
      const statuses = [];
      for (let i = 0; i < 25; i++) statuses.push((await post(token(`forged-${i}`))).status);
      expect(statuses.slice(0, 20).every((s) => s === 401)).toBe(true);
      expect(statuses.slice(20)).toEqual([429, 429, 429, 429, 429]);
    } finally {
      await close();
    }
  });

  test('a verified conversation that floods is still limited per conversation', async () => {
    const { post, close } = await server();
    try {
      const statuses = [];
      for (let i = 0; i < 8; i++) statuses.push((await post(token('genuine'))).status);
      expect(statuses).toEqual([200, 200, 200, 200, 200, 429, 429, 429]);
    } finally {
      await close();
    }
  });
});
