import restify, { type RequestHandler, type Server } from 'restify';
import type { Logger } from '../log';
import { activityGuard } from './activityGuard';
import { limitConnections, type ConnectionLimitOptions } from './connectionLimits';
import { refuseCompressedBodies } from './contentEncoding';
import { failedAuthLimit } from './failedAuthLimit';
import { messageRateLimit, type Refusal } from './messageRateLimit';
import { loopbackServiceUrlGuard, serviceUrlGuard } from './serviceUrlGuards';
import { tokenPrecheck } from './tokenPrecheck';
import { asErrorBody, errorBody } from './sendError';

/** Bot Framework activities are small; anything bigger is junk or an attack. */
const MAX_BODY_BYTES = 256 * 1024;

/** Asked by the bot layer once a request is authenticated, before its turn runs. */
export type AdmitMessage = (activity: Record<string, unknown>) => Refusal | undefined;

export interface MessageResponse {
  status: number;
  body?: unknown;
  headers?: Record<string, string>;
}

export interface HttpServerOptions {
  /** Runs one incoming activity through the bot; the bot layer owns everything Bot Framework. */
  messages: (activity: Record<string, unknown>, authorization: string, admit: AdmitMessage) => Promise<MessageResponse>;
  log: Logger;
  /** Facts for GET /healthz, e.g. the flow version; any `problems` make it answer 503. */
  health: () => { problems?: string[] } & Record<string, unknown>;
  /** When set, requests must carry a Bot Framework token for this bot. */
  appId?: string;
  /** With auth off: replies may go beyond this machine (ALLOW_UNAUTHENTICATED_NETWORK). */
  anyServiceUrl?: boolean;
  /** With auth off and the local Direct Line running: refuses web chat activities it didn't forward. */
  onlyFromLocalDirectLine?: RequestHandler;
  /** Messages a conversation may send at once, and per second after that. */
  rateLimit: { burst: number; perSecond: number };
  /** Timeouts and connections per address (defaults in connectionLimits.ts). */
  connections?: ConnectionLimitOptions;
  /** Told of each request refused with 429, by limit: `conversation`, `user`, `failed_auth` (metrics). */
  onLimited?: (limit: string) => void;
}

/** The bot's HTTP surface: the Bot Framework messaging endpoint and a health check. */
export function createHttpServer({ messages, log, health, appId, anyServiceUrl = false, onlyFromLocalDirectLine, rateLimit, connections, onLimited }: HttpServerOptions): Server {
  const server = restify.createServer({ name: 'candidate-support-bot', handleUncaughtExceptions: false });
  limitConnections(server.server, connections);
  server.pre(refuseCompressedBodies);
  server.use(restify.plugins.bodyParser({ mapParams: false, maxBodySize: MAX_BODY_BYTES }));

  // Before verification only what costs nothing: the address's failed attempts, the token's shape,
  // the activity's shape. The per-conversation limit waits for an authenticated request.
  const checks: RequestHandler[] = appId
    ? [failedAuthLimit({ onLimited }), tokenPrecheck(appId), activityGuard, serviceUrlGuard]
    : [activityGuard, ...(anyServiceUrl ? [] : [loopbackServiceUrlGuard]), ...(onlyFromLocalDirectLine ? [onlyFromLocalDirectLine] : [])];
  const admit = messageRateLimit({ ...rateLimit, onLimited });
  server.post('/api/messages', ...checks, async function postMessage(req, res) {
    const { status, body, headers = {} } = await messages(req.body as Record<string, unknown>, req.header('authorization') ?? '', admit);
    for (const [name, value] of Object.entries(headers)) res.header(name, value);
    if (body === undefined) res.send(status);
    else res.json(status, body);
  });

  // Load balancers and orchestrators take the instance out of rotation (or restart it) on a 503.
  server.get('/healthz', async function healthz(_req, res) {
    const { problems = [], ...facts } = health();
    if (problems.length > 0) res.json(503, { ...errorBody('unhealthy', 'This instance cannot serve conversations right now.', problems), status: 'failing', ...facts });
    else res.json(200, { status: 'ok', ...facts });
  });

  server.on('restifyError', (req, _res, err, next) => {
    (err as Error & { toJSON?: () => unknown }).toJSON = () => asErrorBody(err);
    log.warn({ method: req.method, path: req.url?.split('?')[0], status: (err as { statusCode?: number }).statusCode }, 'request rejected'); // never the query: it can hold a link token
    return next();
  });
  return server;
}
