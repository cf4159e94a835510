import type { Server } from 'restify';
import { readConfig, type Config } from './config/config';
import { createLogger, type Logger } from './log';
import { loadFlow, type CompiledFlow } from './flow';
import { createUnderstanding } from './understanding/forEngine';
import { openSqliteStore } from './storage/sqliteStore';
import type { KeyValueStore } from './storage/keyValueStore';
import { createTurnRunner } from './conversation/turns';
import { createAdapter } from './bot/adapter';
import { createCandidateBot, type EffectHandler } from './bot/candidateBot';
import { createHttpServer } from './server/httpServer';

export interface App {
  server: Server;
  flow: CompiledFlow;
  /** The port actually bound (useful with PORT=0). */
  port: number;
  close(): Promise<void>;
}

export interface AppOptions {
  config?: Config;
  log?: Logger;
  /** Substitute the state store (tests); defaults to SQLite under DATA_DIR. */
  store?: KeyValueStore & { close?(): void };
}

/**
 * The single wiring point, in order: config, flow, state, engine, bot, routes. Everything that
 * can fail on bad input (config, flow files) fails here, before the server listens.
 */
export async function startApp(options: AppOptions = {}): Promise<App> {
  const config = options.config ?? readConfig();
  const log = options.log ?? createLogger(config.LOG_LEVEL);
  const flow = loadFlow(config.FLOWS_DIR);
  const understanding = createUnderstanding(config.FLOWS_DIR);
  const store = options.store ?? openSqliteStore(config.DATA_DIR);
  const turns = createTurnRunner({ engine: { flow, understanding }, store });

  const onEffects: EffectHandler = async (effects) => {
    for (const effect of effects) log.info({ effect: effect.type, topic: 'topic' in effect ? effect.topic : undefined }, 'conversation outcome');
  };
  const adapter = createAdapter(config, log, flow.guide.apology);
  const bot = createCandidateBot({ turns, onEffects, log });
  const server = createHttpServer({ adapter, bot, log, health: () => ({ flowVersion: flow.version }) });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(config.PORT, '0.0.0.0', () => resolve());
  });
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : config.PORT;
  log.info({ port, flowVersion: flow.version }, `listening on http://localhost:${port}/api/messages`);

  return {
    server,
    flow,
    port,
    async close() {
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      // Keep-alive connections would hold close() open forever; in-flight requests still finish.
      server.server.closeIdleConnections();
      await turns.drain();
      await closed;
      store.close?.();
    },
  };
}
