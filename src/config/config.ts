import { isIP } from 'node:net';
import { z } from 'zod';
import { isLoopback } from '../server/loopback';
import { checkTicketConfig, ticketConfigShape } from '../tickets/config';
import { webChatConfigShape } from '../web/config';

/** Empty strings in .env mean "not set", as the Bot Framework Emulator convention expects for MicrosoftAppId. */
const optional = z
  .string()
  .trim()
  .transform((v) => (v === '' ? undefined : v))
  .optional();

const EXPOSURE_SETTINGS = new Set(['HOST', 'MicrosoftAppId', 'ALLOW_UNAUTHENTICATED_NETWORK']);

/** Every setting and its own check; ConfigSchema adds the checks that span several. */
const ConfigFields = z
  .object({
    PORT: z.coerce.number().int().min(0).max(65535).default(3978),
    /**
     * The address to listen on. Unset: 127.0.0.1 (this machine only) while requests are not
     * authenticated (MicrosoftAppId empty), 0.0.0.0 (every interface) once they are.
     */
    HOST: optional.refine(
      (v) => v === undefined || isIP(v) !== 0,
      'must be an IP address to listen on: 0.0.0.0 (every interface), 127.0.0.1 (this machine only) or one of its addresses',
    ),
    /**
     * Lets a bot without MicrosoftAppId listen beyond this machine and reply to any serviceUrl.
     * Anyone who reaches it can then speak as any user: a deliberate, short-lived development choice.
     */
    ALLOW_UNAUTHENTICATED_NETWORK: optional.pipe(z.enum(['true', 'false'], { error: 'must be true or false' }).default('false')).transform((v) => v === 'true'),
    DATA_DIR: z.string().trim().min(1).default('./data'),
    /** Where conversation state and tickets live: SQLite files under DATA_DIR (one instance), or PostgreSQL (several). */
    STORAGE: z.enum(['sqlite', 'postgres']).default('sqlite'),
    DATABASE_URL: optional,
    /** How long an instance's claim on a ticket delivery holds; a crashed instance's claims are retried after it. */
    OUTBOX_CLAIM_SECONDS: z.coerce.number().int().min(1).max(3600).default(60),
    FLOWS_DIR: z.string().trim().min(1).default('./flows'),
    /**
     * The language tickets, cards and emails to recruiters are written in. Only English has
     * recruiter wording so far; the candidate's language is named on every ticket, their words quoted as typed.
     */
    RECRUITER_LOCALE: z.enum(['en'], { error: 'tickets can only be written in en so far: the recruiter-facing words (ticket layout, topic summaries, card buttons) are not translated yet' }).default('en'),
    /**
     * The interview platform's hosts, comma-separated (`app.hirevire.com,hirevire.com`): a pasted link
     * on another host is warned about (a look-alike above all). Unset: hosts aren't judged.
     */
    INTERVIEW_LINK_HOSTS: optional.pipe(
      z
        .string()
        .default('')
        .transform((v) => v.split(',').map((host) => host.trim().toLowerCase().replace(/\.$/, '')).filter((host) => host !== ''))
        .superRefine((hosts, ctx) => {
          const wrong = hosts.filter((host) => !HOST_NAME.test(host));
          if (wrong.length > 0) ctx.addIssue({ code: 'custom', message: `${wrong.join(', ')}: host names only, comma-separated (app.hirevire.com,hirevire.com): no scheme, path or port` });
        }),
    ),
    /** What a whole interview link looks like, as a regular expression on the full URL; a platform link that doesn't match is "cut short". */
    INTERVIEW_LINK_SHAPE: optional.pipe(
      z
        .string()
        .refine(isRegExp, 'must be a regular expression, e.g. ^https://app\\.hirevire\\.com/i/[A-Za-z0-9]{8,}$')
        .transform((v) => new RegExp(v))
        .optional(),
    ),
    /**
     * on: a pasted platform link is asked with one HEAD request (never GET: a single-use link stays
     * unused), only on INTERVIEW_LINK_HOSTS, never on a private address, 3 s at most. Off by default.
     */
    LINK_CHECK: optional.pipe(z.enum(['on', 'off'], { error: 'must be on or off' }).default('off')).transform((v) => v === 'on'),
    /** Insights: a session ends after this many minutes without a message (Copilot Studio's default, so numbers compare). */
    SESSION_TIMEOUT_MINUTES: z.coerce.number().int().min(1).max(1440).default(30),
    RATE_LIMIT_BURST: z.coerce.number().int().min(1).default(30),
    RATE_LIMIT_PER_SECOND: z.coerce.number().positive().default(1),
    /** Open connections one client address may hold; more are closed at once (see src/server/connectionLimits.ts). */
    MAX_CONNECTIONS_PER_ADDRESS: z.coerce.number().int().min(1).default(256),
    /** Bearer token Prometheus presents on GET /metrics; without it the route does not exist. */
    METRICS_TOKEN: optional.pipe(z.string().min(32, 'must be at least 32 characters (e.g. openssl rand -hex 32)').optional()),
    LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
    MicrosoftAppId: optional,
    MicrosoftAppPassword: optional,
    MicrosoftAppType: z.enum(['MultiTenant', 'SingleTenant', 'UserAssignedMSI']).default('MultiTenant'),
    MicrosoftAppTenantId: optional,
    ...ticketConfigShape,
    ...webChatConfigShape,
  });

const ConfigSchema = ConfigFields
  // Runs even when other variables are wrong, so the operator learns of this one in the same go.
  .superRefine(
    (c, ctx) => {
      if (c.MicrosoftAppId || c.HOST === undefined || isLoopback(c.HOST) || c.ALLOW_UNAUTHENTICATED_NETWORK) return;
      ctx.addIssue({
        code: 'custom',
        path: ['HOST'],
        message: `${c.HOST} is reachable from other machines, but MicrosoftAppId is empty so requests are not authenticated: set MicrosoftAppId, leave HOST unset (127.0.0.1), or set ALLOW_UNAUTHENTICATED_NETWORK=true to expose a development bot deliberately`,
      });
    },
    { when: ({ issues }) => !issues.some((issue) => EXPOSURE_SETTINGS.has(String(issue.path?.[0]))) },
  )
  .superRefine((c, ctx) => {
    checkTicketConfig(c, ctx);
    if (c.LINK_CHECK && c.INTERVIEW_LINK_HOSTS.length === 0) {
      ctx.addIssue({ code: 'custom', path: ['LINK_CHECK'], message: 'on needs INTERVIEW_LINK_HOSTS: the check only ever asks the interview platform\'s own hosts' });
    }
    if (c.STORAGE === 'postgres' && !c.DATABASE_URL) {
      ctx.addIssue({ code: 'custom', path: ['DATABASE_URL'], message: 'required when STORAGE=postgres (e.g. postgres://bot:secret@db.internal:5432/bot)' });
    }
    if (!c.MicrosoftAppId) return;
    if (c.MicrosoftAppType !== 'UserAssignedMSI' && !c.MicrosoftAppPassword) {
      ctx.addIssue({ code: 'custom', path: ['MicrosoftAppPassword'], message: 'required when MicrosoftAppId is set (or set MicrosoftAppType=UserAssignedMSI)' });
    }
    if (c.MicrosoftAppType !== 'MultiTenant' && !c.MicrosoftAppTenantId) {
      ctx.addIssue({ code: 'custom', path: ['MicrosoftAppTenantId'], message: `required when MicrosoftAppType is ${c.MicrosoftAppType}` });
    }
  });

const HOST_NAME = /^[a-z0-9]([a-z0-9-]*[a-z0-9])?(\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)*$/;

function isRegExp(pattern: string): boolean {
  try {
    new RegExp(pattern);
    return true;
  } catch {
    return false;
  }
}

/** HOST resolved: loopback while unauthenticated, every interface once authenticated. */
const ResolvedConfigSchema = ConfigSchema.transform((c) => ({ ...c, HOST: c.HOST ?? (c.MicrosoftAppId ? '0.0.0.0' : '127.0.0.1') }));

export type Config = z.output<typeof ResolvedConfigSchema>;

/** Thrown with every problem in the environment at once, so an operator fixes them in one go. */
export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`The configuration has ${problems.length} problem${problems.length === 1 ? '' : 's'}:\n${problems.map((p) => `  ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

/** Reads the configuration from environment variables (see .env.example). */
export function readConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const result = ResolvedConfigSchema.safeParse(env);
  if (result.success) return result.data;
  throw new ConfigError(result.error.issues.map((i) => `${i.path.join('.') || '(environment)'}: ${i.message}`));
}

/** Whether incoming requests must carry a valid Bot Framework token (off for local Emulator use). */
export function isAuthEnabled(config: Config): boolean {
  return config.MicrosoftAppId !== undefined;
}

/**
 * The settings a command-line tool needs to reach the stores (`npm run tickets`, `npm run insights`): the same schema
 * as readConfig, picked, so the CLI and the server never read the environment differently.
 */
const StoresConfigSchema = ConfigFields.pick({ STORAGE: true, DATABASE_URL: true, DATA_DIR: true, TICKET_RETENTION_DAYS: true, SESSION_TIMEOUT_MINUTES: true });

export type StoresConfig = z.output<typeof StoresConfigSchema>;

export function readStoresConfig(env: NodeJS.ProcessEnv = process.env): StoresConfig {
  const result = StoresConfigSchema.safeParse(env);
  if (!result.success) throw new ConfigError(result.error.issues.map((i) => `${i.path.join('.') || '(environment)'}: ${i.message}`));
  if (result.data.STORAGE === 'postgres' && !result.data.DATABASE_URL) throw new ConfigError(['DATABASE_URL: required when STORAGE=postgres (e.g. postgres://bot:secret@db.internal:5432/bot)']);
  return result.data;
}

/** Every environment variable the server reads (`.env.example` documents each one; a test keeps them equal). */
export const SETTING_NAMES: readonly string[] = Object.keys(ConfigSchema.shape);
