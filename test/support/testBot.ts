import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startApp, type App, type AppOptions } from '../../src/app';
import { readConfig } from '../../src/config/config';

export interface TestBot {
  app: App;
  url: string;
  dataDir: string;
  close(): Promise<void>;
}

/** The real server, in-process, on a free port with its own SQLite DATA_DIR. */
export async function startTestBot(env: Record<string, string> = {}, options: Omit<AppOptions, 'config'> = {}): Promise<TestBot> {
  const dataDir = env.DATA_DIR ?? mkdtempSync(join(tmpdir(), 'bot-test-'));
  // Scripted candidates type far faster than people; flood control has its own test with the defaults.
  const config = readConfig({ PORT: '0', LOG_LEVEL: 'silent', FLOWS_DIR: join(__dirname, '../../flows'), RATE_LIMIT_BURST: '1000', ...env, DATA_DIR: dataDir });
  const app = await startApp({ ...options, config });
  return { app, url: `http://127.0.0.1:${app.port}`, dataDir, close: () => app.close() };
}
