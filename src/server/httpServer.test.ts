import type { AddressInfo } from 'node:net';
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
  expect(await healthOf(() => ({ flowVersion: 'abc', problems }))).toEqual({ status: 503, body: { status: 'failing', problems, flowVersion: 'abc' } });
});
