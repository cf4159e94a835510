import restify, { type Server } from 'restify';
import type { CloudAdapter, TurnContext } from 'botbuilder';
import type { Logger } from '../log';
import { activityGuard } from './activityGuard';

/** Bot Framework activities are small; anything bigger is junk or an attack. */
const MAX_BODY_BYTES = 256 * 1024;

export interface HttpServerOptions {
  adapter: CloudAdapter;
  bot: (context: TurnContext) => Promise<void>;
  log: Logger;
  /** Extra facts for GET /healthz, e.g. the flow version. */
  health: () => Record<string, unknown>;
}

/** The bot's HTTP surface: the Bot Framework messaging endpoint and a health check. */
export function createHttpServer({ adapter, bot, log, health }: HttpServerOptions): Server {
  const server = restify.createServer({ name: 'candidate-support-bot', handleUncaughtExceptions: false });
  server.use(restify.plugins.bodyParser({ mapParams: false, maxBodySize: MAX_BODY_BYTES }));

  server.post('/api/messages', activityGuard, async function messages(req, res) {
    await adapter.process(req, res, bot);
  });

  server.get('/healthz', async function healthz(_req, res) {
    res.json(200, { status: 'ok', ...health() });
  });

  server.on('restifyError', (req, _res, err, next) => {
    log.warn({ method: req.method, url: req.url, status: (err as { statusCode?: number }).statusCode }, 'request rejected');
    return next();
  });
  return server;
}
