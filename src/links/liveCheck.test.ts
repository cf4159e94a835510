import http from 'node:http';
import net from 'node:net';
import tls from 'node:tls';
import { checkLinkLive, type LiveCheckOptions } from './liveCheck';

const HOST = 'app.test';
const OTHER = 'other.test';

interface Seen {
  method: string | undefined;
  path: string | undefined;
  headers: http.IncomingHttpHeaders;
}

interface Running {
  port: number;
  seen: Seen[];
}

const open: Array<http.Server | net.Server | tls.Server> = [];

afterEach(async () => {
  await Promise.all(
    open.splice(0).map(
      (server) =>
        new Promise<void>((done) => {
          if (server instanceof http.Server) server.closeAllConnections();
          server.close(() => done());
        }),
    ),
  );
});

/** A real HTTP server on 127.0.0.1 that records every request it gets. */
async function platform(answer: (request: http.IncomingMessage, response: http.ServerResponse) => void): Promise<Running> {
  const seen: Seen[] = [];
  const server = http.createServer((request, response) => {
    seen.push({ method: request.method, path: request.url, headers: request.headers });
    answer(request, response);
  });
  return { port: await listen(server), seen };
}

function answering(status: number, headers: http.OutgoingHttpHeaders = {}) {
  // Not chained: restify, loaded by another test in the same worker, patches writeHead to return nothing.
  return (_request: http.IncomingMessage, response: http.ServerResponse) => {
    response.writeHead(status, headers);
    response.end();
  };
}

async function listen(server: http.Server | net.Server | tls.Server): Promise<number> {
  open.push(server);
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  return (server.address() as net.AddressInfo).port;
}

/** Every name resolves to 127.0.0.1, as a test server's name would. */
const toLoopback = () => jest.fn(async (_hostname: string) => [{ address: '127.0.0.1', family: 4 }]);

const onLoopback = (extra: Partial<LiveCheckOptions> = {}): LiveCheckOptions => ({
  hosts: [HOST, OTHER],
  allowLoopback: true,
  resolve: toLoopback(),
  ...extra,
});

describe('the live check asks the platform whether a link still works', () => {
  describe('a test server on loopback', () => {
    it('is refused without a request reaching it', async () => {
      const server = await platform(answering(200));
      const resolve = toLoopback();
      expect(await checkLinkLive(`http://${HOST}:${server.port}/i/7Gx2Qk`, { hosts: [HOST], resolve })).toStrictEqual({ outcome: 'unknown', refused: 'address' });
      expect(await checkLinkLive(`http://127.0.0.1:${server.port}/i/7Gx2Qk`, { hosts: ['127.0.0.1'] })).toStrictEqual({ outcome: 'unknown', refused: 'address' });
      expect(server.seen).toHaveLength(0);
    });

    it('is asked once, with HEAD and without cookies, when the test-only setting allows loopback', async () => {
      const server = await platform(answering(200));
      expect(await checkLinkLive(`http://${HOST}:${server.port}/i/7Gx2Qk?invite=abc`, onLoopback())).toStrictEqual({ outcome: 'works', status: 200 });
      expect(server.seen).toStrictEqual([
        {
          method: 'HEAD',
          path: '/i/7Gx2Qk?invite=abc',
          headers: expect.objectContaining({ host: `${HOST}:${server.port}`, 'user-agent': 'candidate-support-bot link check', accept: '*/*' }),
        },
      ]);
      expect(server.seen[0]!.headers.cookie).toBeUndefined();
    });

    it('an IP literal is asked when it is listed and loopback is allowed', async () => {
      const server = await platform(answering(204));
      const resolve = toLoopback();
      expect(await checkLinkLive(`http://127.0.0.1:${server.port}/i/7Gx2Qk`, { hosts: ['127.0.0.1'], allowLoopback: true, resolve })).toStrictEqual({ outcome: 'works', status: 204 });
      expect(resolve).not.toHaveBeenCalled();
    });
  });

  describe('what the platform answers becomes the outcome', () => {
    it.each([
      [404, { outcome: 'gone', status: 404 }],
      [410, { outcome: 'gone', status: 410 }],
      [200, { outcome: 'works', status: 200 }],
      [204, { outcome: 'works', status: 204 }],
      [401, { outcome: 'unknown', status: 401 }],
      [403, { outcome: 'unknown', status: 403 }],
      [405, { outcome: 'unknown', status: 405 }],
      [429, { outcome: 'unknown', status: 429 }],
      [500, { outcome: 'unknown', status: 500 }],
      [503, { outcome: 'unknown', status: 503 }],
    ])('%i: %o, after one HEAD and no GET', async (status, expected) => {
      const server = await platform(answering(status));
      expect(await checkLinkLive(`http://${HOST}:${server.port}/i/7Gx2Qk`, onLoopback())).toStrictEqual(expected);
      expect(server.seen.map((seen) => seen.method)).toStrictEqual(['HEAD']);
    });
  });

  it('the body is never read: the check settles and hangs up while the server is still sending one', async () => {
    let hungUp = false;
    let chunksSent = 0;
    const server = net.createServer((socket) => {
      socket.once('data', () => {
        // A misbehaving server that sends a body even to HEAD, slowly.
        socket.write('HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Length: 100000000\r\n\r\n');
        const stream = setInterval(() => {
          chunksSent += 1;
          socket.write('x'.repeat(1024));
        }, 10);
        socket.on('close', () => {
          hungUp = true;
          clearInterval(stream);
        });
        socket.on('error', () => clearInterval(stream));
      });
    });
    const port = await listen(server);
    expect(await checkLinkLive(`http://${HOST}:${port}/i/7Gx2Qk`, onLoopback())).toStrictEqual({ outcome: 'works', status: 200 });
    await until(() => hungUp);
    expect(chunksSent).toBeLessThan(100000);
  });

  describe('redirects', () => {
    it('a redirect to another listed host is followed, still with HEAD', async () => {
      const target = await platform(answering(410));
      const first = await platform(answering(302, { Location: `http://${OTHER}:${target.port}/i/moved` }));
      expect(await checkLinkLive(`http://${HOST}:${first.port}/i/7Gx2Qk`, onLoopback())).toStrictEqual({ outcome: 'gone', status: 410 });
      expect(target.seen).toStrictEqual([expect.objectContaining({ method: 'HEAD', path: '/i/moved', headers: expect.objectContaining({ host: `${OTHER}:${target.port}` }) })]);
    });

    it('a relative redirect on the same host is followed', async () => {
      const server = await platform((request, response) => (request.url === '/new' ? answering(200)(request, response) : answering(301, { Location: '/new' })(request, response)));
      expect(await checkLinkLive(`http://${HOST}:${server.port}/old`, onLoopback())).toStrictEqual({ outcome: 'works', status: 200 });
      expect(server.seen.map((seen) => `${seen.method} ${seen.path}`)).toStrictEqual(['HEAD /old', 'HEAD /new']);
    });

    it('a redirect to a host not listed is refused, and that host is neither resolved nor contacted', async () => {
      const evil = await platform(answering(200));
      const first = await platform(answering(307, { Location: `http://evil.example:${evil.port}/` }));
      const options = onLoopback();
      expect(await checkLinkLive(`http://${HOST}:${first.port}/i/7Gx2Qk`, options)).toStrictEqual({ outcome: 'unknown', status: 307, refused: 'redirect-off-list' });
      expect(evil.seen).toHaveLength(0);
      expect(options.resolve).not.toHaveBeenCalledWith('evil.example');
    });

    it('a redirect to another scheme is refused', async () => {
      const first = await platform(answering(302, { Location: 'file:///etc/passwd' }));
      expect(await checkLinkLive(`http://${HOST}:${first.port}/i/7Gx2Qk`, onLoopback())).toStrictEqual({ outcome: 'unknown', status: 302, refused: 'redirect-off-list' });
    });

    it('a redirect to a listed host that resolves inward is refused', async () => {
      const first = await platform(answering(302, { Location: `http://${OTHER}/admin` }));
      const resolve = jest.fn(async (hostname: string) => [{ address: hostname === OTHER ? '169.254.169.254' : '127.0.0.1', family: 4 }]);
      expect(await checkLinkLive(`http://${HOST}:${first.port}/i/7Gx2Qk`, onLoopback({ resolve }))).toStrictEqual({ outcome: 'unknown', status: 302, refused: 'address' });
    });

    it('a redirect loop stops after five redirects', async () => {
      const server = await platform(answering(302, { Location: '/loop' }));
      expect(await checkLinkLive(`http://${HOST}:${server.port}/i/7Gx2Qk`, onLoopback())).toStrictEqual({ outcome: 'unknown', status: 302, refused: 'too-many-redirects' });
      expect(server.seen).toHaveLength(6);
    });

    it('a redirect without a Location is an unknown answer', async () => {
      const server = await platform(answering(301));
      expect(await checkLinkLive(`http://${HOST}:${server.port}/i/7Gx2Qk`, onLoopback())).toStrictEqual({ outcome: 'unknown', status: 301 });
    });
  });

  describe('hosts', () => {
    it('a host not listed is refused before any lookup', async () => {
      const resolve = toLoopback();
      expect(await checkLinkLive('https://evil.example/i/7Gx2Qk', { hosts: [HOST], resolve })).toStrictEqual({ outcome: 'unknown', refused: 'host-not-listed' });
      expect(await checkLinkLive(`https://sub.${HOST}/i/7Gx2Qk`, { hosts: [HOST], resolve })).toStrictEqual({ outcome: 'unknown', refused: 'host-not-listed' });
      expect(await checkLinkLive('http://10.0.0.1/i/7Gx2Qk', { hosts: [HOST], resolve })).toStrictEqual({ outcome: 'unknown', refused: 'host-not-listed' });
      expect(await checkLinkLive('https://example.com/', { hosts: [], resolve })).toStrictEqual({ outcome: 'unknown', refused: 'host-not-listed' });
      expect(resolve).not.toHaveBeenCalled();
    });

    it('a listed host matches whatever its case and trailing dot', async () => {
      const server = await platform(answering(200));
      expect(await checkLinkLive(`http://APP.Test.:${server.port}/i/7Gx2Qk`, onLoopback({ hosts: ['app.test.'] }))).toStrictEqual({ outcome: 'works', status: 200 });
    });

    it('a listed IPv6 literal is still judged by its address', async () => {
      const resolve = toLoopback();
      expect(await checkLinkLive('http://[::1]/', { hosts: ['::1'], resolve })).toStrictEqual({ outcome: 'unknown', refused: 'address' });
      expect(await checkLinkLive('http://[fd00::1]/', { hosts: ['[fd00::1]'], allowLoopback: true, resolve })).toStrictEqual({ outcome: 'unknown', refused: 'address' });
      expect(resolve).not.toHaveBeenCalled();
    });
  });

  describe('addresses', () => {
    const resolvingTo = (...addresses: string[]) => async () => addresses.map((address) => ({ address, family: net.isIP(address) }));

    it.each([
      '0.0.0.0',
      '10.0.0.1',
      '100.64.0.1',
      '127.0.0.1',
      '169.254.169.254',
      '172.16.5.4',
      '172.31.255.255',
      '192.0.0.8',
      '192.0.2.10',
      '192.168.1.1',
      '198.18.0.1',
      '198.51.100.7',
      '203.0.113.9',
      '224.0.0.1',
      '240.0.0.1',
      '255.255.255.255',
      '::',
      '::1',
      'fc00::1',
      'fd12:3456::1',
      'fe80::1',
      'fe80::1%eth0',
      'ff02::1',
      '2001:db8::1',
      '::ffff:10.0.0.1',
      '::ffff:a9fe:a9fe',
      '::ffff:127.0.0.1',
      '64:ff9b::10.0.0.1',
      '64:ff9b::c0a8:101',
      'not an address',
    ])('a host resolving to %s is refused without being asked', async (address) => {
      expect(await checkLinkLive(`https://${HOST}/i/7Gx2Qk`, { hosts: [HOST], resolve: resolvingTo(address) })).toStrictEqual({ outcome: 'unknown', refused: 'address' });
    });

    it.each(['10.0.0.1', '169.254.169.254', '0.0.0.0', 'fd00::1', '::ffff:192.168.0.1', '64:ff9b::127.0.0.1'])(
      'allowing loopback still refuses %s',
      async (address) => {
        expect(await checkLinkLive(`https://${HOST}/i/7Gx2Qk`, { hosts: [HOST], allowLoopback: true, resolve: resolvingTo(address) })).toStrictEqual({ outcome: 'unknown', refused: 'address' });
      },
    );

    it('a host resolving to one public and one private address is refused', async () => {
      expect(await checkLinkLive(`https://${HOST}/i/7Gx2Qk`, { hosts: [HOST], resolve: resolvingTo('93.184.216.34', '10.0.0.1') })).toStrictEqual({ outcome: 'unknown', refused: 'address' });
      expect(await checkLinkLive(`https://${HOST}/i/7Gx2Qk`, { hosts: [HOST], resolve: resolvingTo('2606:4700::1', 'fd00::1') })).toStrictEqual({ outcome: 'unknown', refused: 'address' });
    });

    it('the connection goes to the address that was checked, not to a second lookup', async () => {
      const server = await platform(answering(200));
      let lookups = 0;
      // Rebinding: the first answer is loopback (allowed here), any later one would be inward.
      const resolve = jest.fn(async () => [{ address: lookups++ === 0 ? '127.0.0.1' : '10.0.0.1', family: 4 }]);
      expect(await checkLinkLive(`http://${HOST}:${server.port}/`, onLoopback({ resolve }))).toStrictEqual({ outcome: 'works', status: 200 });
      expect(resolve).toHaveBeenCalledTimes(1);
      expect(server.seen).toHaveLength(1);
    });
  });

  it('an https link is asked at the vetted address with the original host as TLS server name', async () => {
    const serverNames: string[] = [];
    // No certificate here: the handshake stops once the client has said which host it wants.
    const server = tls.createServer({
      SNICallback: (serverName, answer) => {
        serverNames.push(serverName);
        answer(new Error('no certificate in tests'));
      },
    });
    const port = await listen(server);
    expect(await checkLinkLive(`https://${HOST}:${port}/i/7Gx2Qk`, onLoopback())).toStrictEqual({ outcome: 'unknown', failed: 'network' });
    expect(serverNames).toStrictEqual([HOST]);
  });

  describe('failures', () => {
    it('a server that never answers: unknown, timed out', async () => {
      let hungUp = false;
      // Reads what comes (so it sees the hang-up) and never says a word.
      const server = net.createServer((socket) => socket.resume().on('close', () => (hungUp = true)));
      const port = await listen(server);
      expect(await checkLinkLive(`http://${HOST}:${port}/i/7Gx2Qk`, onLoopback({ timeoutMs: 200 }))).toStrictEqual({ outcome: 'unknown', failed: 'timeout' });
      await until(() => hungUp);
    });

    it('a lookup that never ends: unknown, timed out, and nothing is asked afterwards', async () => {
      const server = await platform(answering(200));
      let finish: (addresses: Array<{ address: string; family: number }>) => void = () => {};
      const resolve = () => new Promise<Array<{ address: string; family: number }>>((settle) => (finish = settle));
      expect(await checkLinkLive(`http://${HOST}:${server.port}/`, onLoopback({ resolve, timeoutMs: 100 }))).toStrictEqual({ outcome: 'unknown', failed: 'timeout' });
      finish([{ address: '127.0.0.1', family: 4 }]);
      await new Promise((done) => setTimeout(done, 50));
      expect(server.seen).toHaveLength(0);
    });

    it('a lookup that fails: unknown, dns', async () => {
      const resolve = jest.fn(async () => {
        throw Object.assign(new Error('getaddrinfo ENOTFOUND app.test'), { code: 'ENOTFOUND' });
      });
      expect(await checkLinkLive(`https://${HOST}/i/7Gx2Qk`, { hosts: [HOST], resolve })).toStrictEqual({ outcome: 'unknown', failed: 'dns' });
      expect(await checkLinkLive(`https://${HOST}/i/7Gx2Qk`, { hosts: [HOST], resolve: async () => [] })).toStrictEqual({ outcome: 'unknown', failed: 'dns' });
    });

    it('a connection refused: unknown, network', async () => {
      const closed = net.createServer();
      const port = await listen(closed);
      await new Promise<void>((done) => closed.close(() => done()));
      open.splice(open.indexOf(closed), 1);
      expect(await checkLinkLive(`http://${HOST}:${port}/i/7Gx2Qk`, onLoopback())).toStrictEqual({ outcome: 'unknown', failed: 'network' });
    });
  });

  describe('links that are never asked', () => {
    it.each(['ftp://app.test/i/7Gx2Qk', 'file:///etc/passwd', 'javascript:alert(1)', 'not a url', 'https://user:pass@app.test/i/7Gx2Qk', 'https://user@app.test/i/7Gx2Qk'])(
      '%s is refused',
      async (url) => {
        const resolve = toLoopback();
        expect(await checkLinkLive(url, { hosts: [HOST], resolve })).toStrictEqual({ outcome: 'unknown', refused: 'scheme' });
        expect(resolve).not.toHaveBeenCalled();
      },
    );
  });
});

async function until(condition: () => boolean): Promise<void> {
  while (!condition()) await new Promise((done) => setTimeout(done, 5));
}
