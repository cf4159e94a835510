import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startApp, type App, type AppOptions } from '../../src/app';
import { startLocalConnector, type LocalConnector } from './localConnector';
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
  const config = readConfig({ PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'silent', FLOWS_DIR: join(__dirname, '../../flows'), RATE_LIMIT_BURST: '1000', ...env, DATA_DIR: dataDir });
  const app = await startApp({ ...options, config });
  return { app, url: `http://127.0.0.1:${app.port}`, dataDir, close: () => app.close() };
}

/**
 * The real server plus a local connector standing in for the channel's serviceUrl, started once
 * for a test file (beforeAll) and stopped after it. Read `.bot` and `.connector` inside tests.
 */
export function useBotAndConnector(env: Record<string, string> = {}): { readonly bot: TestBot; readonly connector: LocalConnector } {
  let bot: TestBot | undefined;
  let connector: LocalConnector | undefined;
  beforeAll(async () => {
    [bot, connector] = await Promise.all([startTestBot(env), startLocalConnector()]);
  });
  afterAll(async () => {
    await Promise.all([bot?.close(), connector?.close()]);
  });
  return {
    get bot() {
      return bot!;
    },
    get connector() {
      return connector!;
    },
  };
}
