import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import net from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { createLoopbackClient, type LoopbackClient } from './httpClient';
import { cpuMs, rssBytes } from './procStats';

export const REPO_ROOT = join(__dirname, '../..');
export const FLOWS_DIR = join(REPO_ROOT, 'flows');
export const SERVER_ENTRY = join(REPO_ROOT, 'dist/src/index.js');
const ECHO_ENTRY = join(__dirname, 'echoBot.js');
const HEAP_PROBE = join(__dirname, 'heapProbe.js');

/** The most the driver keeps open to one server (see createLoopbackClient). */
export const CONNECTIONS = 256;

export interface MemorySample {
  rss: number;
  heapUsed: number;
  heapTotal: number;
  external: number;
}

export interface ServerProcess {
  name: string;
  pid: number;
  port: number;
  dataDir?: string;
  client: LoopbackClient;
  /** The server's own latest process.memoryUsage(), from the heap probe. */
  memory(): MemorySample | undefined;
  rssBytes(): number;
  cpuMs(): number;
  /** The tail of its stdout and stderr, for error reports. */
  output(): string;
  stop(): Promise<void>;
}

const scratchDirs: string[] = [];

/** A scratch folder under the OS temp dir: the servers' working directory and data. */
export function scratchDir(prefix: string): string {
  const dir = mkdtempSync(join(tmpdir(), `bench-${prefix}-`));
  scratchDirs.push(dir);
  return dir;
}

/** The large store alone is hundreds of MB: nothing the benchmark wrote outlives it. */
export function removeScratchDirs(): void {
  for (const dir of scratchDirs.splice(0)) rmSync(dir, { recursive: true, force: true });
}

/**
 * The environment of a server under test: production settings and nothing inherited, so a
 * developer's ticket sinks or Bot Framework credentials never reach the benchmark. Its working
 * directory is a scratch folder too, because `npm start` reads `.env` from there.
 */
export function botEnvironment(dataDir: string, port: number, logLevel = 'warn'): Record<string, string> {
  return { PATH: process.env.PATH ?? '', NODE_ENV: 'production', LOG_LEVEL: logLevel, HOST: '127.0.0.1', PORT: String(port), DATA_DIR: dataDir, FLOWS_DIR };
}

/** A free loopback port, for servers that (at LOG_LEVEL=warn) don't print the one they took. */
export function reservePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as net.AddressInfo;
      probe.close(() => resolve(port));
    });
  });
}

/**
 * Starts the real server (`dist/src/index.js`, or another build's entry to compare with) on its own
 * data folder and waits until /healthz answers.
 */
export async function startBot(
  name: string,
  dataDir = scratchDir('data'),
  entry = SERVER_ENTRY,
  extraEnv: Record<string, string> = {},
): Promise<ServerProcess> {
  const port = await reservePort();
  return startServer(name, entry, { ...botEnvironment(dataDir, port), ...extraEnv }, port, dataDir);
}

/** Starts the echo bot: botbuilder + restify and nothing else. */
export async function startEchoBot(): Promise<ServerProcess> {
  const port = await reservePort();
  return startServer('echo', ECHO_ENTRY, { PATH: process.env.PATH ?? '', NODE_ENV: 'production', PORT: String(port) }, port);
}

async function startServer(name: string, entry: string, env: Record<string, string>, port: number, dataDir?: string): Promise<ServerProcess> {
  const child = spawn(process.execPath, ['-r', HEAP_PROBE, entry], { cwd: scratchDir('cwd'), env, stdio: ['ignore', 'pipe', 'pipe', 'ipc'] });
  let output = '';
  const keep = (chunk: Buffer) => (output = (output + chunk.toString()).slice(-16_000));
  child.stdout!.on('data', keep);
  child.stderr!.on('data', keep);
  let memory: MemorySample | undefined;
  child.on('message', (message: { type?: string } & MemorySample) => {
    if (message.type === 'memory') memory = message;
  });
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const client = createLoopbackClient(port, CONNECTIONS);
  await waitUntilHealthy(client, child, exited, () => output);

  return {
    name,
    pid: child.pid!,
    port,
    dataDir,
    client,
    memory: () => memory,
    rssBytes: () => rssBytes(child.pid!),
    cpuMs: () => cpuMs(child.pid!),
    output: () => output,
    async stop() {
      client.close();
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 15_000);
      await exited;
      clearTimeout(timer);
    },
  };
}

async function waitUntilHealthy(client: LoopbackClient, child: ChildProcess, exited: Promise<number | null>, output: () => string): Promise<void> {
  let gone: number | null | undefined;
  void exited.then((code) => (gone = code));
  const deadline = Date.now() + 20_000;
  while (Date.now() < deadline) {
    if (gone !== undefined) throw new Error(`server exited with ${gone} before it listened:\n${output()}`);
    const healthy = await client.get('/healthz', 1000).then(
      (answer) => answer.status === 200,
      () => false,
    );
    if (healthy) return;
    await sleep(20);
  }
  child.kill('SIGKILL');
  throw new Error(`server did not answer /healthz within 20 s:\n${output()}`);
}
