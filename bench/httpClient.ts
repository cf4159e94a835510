import http from 'node:http';

export interface HttpAnswer {
  status: number;
  body: string;
}

/**
 * Keep-alive connections to one loopback server, at most `connections` at a time, as a front proxy
 * or the channel's connector would hold them. A request waiting for a free connection is still
 * waiting for its answer, so that wait counts in the latency the driver records.
 */
export function createLoopbackClient(port: number, connections: number) {
  const agent = new http.Agent({ keepAlive: true, maxSockets: connections, maxFreeSockets: connections });

  function request(method: 'GET' | 'POST', path: string, body?: string, timeoutMs = 30_000): Promise<HttpAnswer> {
    return new Promise((resolve, reject) => {
      const headers: http.OutgoingHttpHeaders = body === undefined ? {} : { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) };
      const req = http.request({ host: '127.0.0.1', port, path, method, agent, headers }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8') }));
        res.on('error', reject);
      });
      req.on('error', reject);
      req.setTimeout(timeoutMs, () => req.destroy(new Error(`no answer from 127.0.0.1:${port}${path} within ${timeoutMs} ms`)));
      req.end(body);
    });
  }

  return {
    port,
    post: (path: string, body: string) => request('POST', path, body),
    get: (path: string, timeoutMs?: number) => request('GET', path, undefined, timeoutMs),
    /**
     * Opens `count` connections (GET /healthz on each) before a measurement. A server closes idle
     * keep-alive connections after 5 s, so after the other server's slice every connection is new;
     * and a Node server saturated with work accepts new connections late (they wait in the kernel's
     * accept queue for seconds). A busy server's connections are warm, so slices start warm too.
     */
    warm: async (count: number) => {
      await Promise.all(Array.from({ length: Math.min(count, connections) }, () => request('GET', '/healthz').catch(() => undefined)));
    },
    close: () => agent.destroy(),
  };
}

export type LoopbackClient = ReturnType<typeof createLoopbackClient>;
