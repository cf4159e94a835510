import { z } from 'zod';
import type { TicketSink } from './sink';
import { emailSink } from './sinks/emailSink';
import { teamsSink, type TeamsSinkOptions } from './sinks/teamsSink';
import { webhookSink } from './sinks/webhookSink';

/** Empty strings in .env mean "not set", as in src/config/config.ts; others are trimmed, then checked. */
function optionalMatching<T extends z.ZodType<unknown, string>>(check: T) {
  return z.preprocess((v) => (typeof v === 'string' ? v.trim() || undefined : v), check.optional());
}

const Email = z.email();

/**
 * The ticket settings, as a zod object shape so src/config/config.ts can spread it into its own
 * schema; the rules between fields are in checkTicketConfig, to call from that schema's superRefine.
 */
export const ticketConfigShape = {
  TICKET_WEBHOOK_URL: optionalMatching(z.url({ protocol: /^https?$/, error: 'must be an http:// or https:// URL' })),
  TICKET_WEBHOOK_SECRET: optionalMatching(z.string().min(16, 'must be at least 16 characters')),
  SMTP_URL: optionalMatching(z.url({ protocol: /^smtps?$/, error: 'must be an smtp:// or smtps:// URL' })),
  /** One address, or several separated by commas. */
  TICKET_EMAIL_TO: optionalMatching(
    z.string().refine(
      (list) => list.split(',').every((address) => Email.safeParse(address.trim()).success),
      'must be an email address, or several separated by commas',
    ),
  ),
  TICKET_EMAIL_FROM: optionalMatching(z.email('must be an email address')),
  /** Bearer token for GET /api/tickets; without it the routes do not exist. */
  TICKETS_API_TOKEN: optionalMatching(z.string().min(16, 'must be at least 16 characters')),
  TICKET_RETENTION_DAYS: z.coerce.number().int('must be a whole number of days').min(1, 'must be at least 1 day').max(3650, 'must be at most 3650 days').default(90),
};

export const TicketConfig = z.object(ticketConfigShape).superRefine(checkTicketConfig);
export type TicketConfig = z.output<typeof TicketConfig>;

type TicketSettings = z.output<z.ZodObject<typeof ticketConfigShape>>;

/** Settings that only make sense together. */
export function checkTicketConfig(c: TicketSettings, ctx: z.RefinementCtx): void {
  const require = (key: keyof TicketSettings, because: string) => {
    if (c[key] === undefined) ctx.addIssue({ code: 'custom', path: [key], message: `required when ${because} is set` });
  };
  if (c.TICKET_WEBHOOK_URL) require('TICKET_WEBHOOK_SECRET', 'TICKET_WEBHOOK_URL');
  if (c.SMTP_URL) {
    require('TICKET_EMAIL_TO', 'SMTP_URL');
    require('TICKET_EMAIL_FROM', 'SMTP_URL');
  }
}

export interface SinkDependencies {
  /** The bot layer's proactive send and channel list; without them there is no Teams sink. */
  teams?: Pick<TeamsSinkOptions, 'channels' | 'send' | 'remember' | 'sendUpdate' | 'forgetChannel'>;
  fetch?: typeof globalThis.fetch;
}

/** The sinks the configuration asks for, by name; these names go into the outbox. */
export function configuredSinks(config: TicketSettings, deps: SinkDependencies = {}): Record<string, TicketSink> {
  const sinks: TicketSink[] = [];
  if (config.TICKET_WEBHOOK_URL && config.TICKET_WEBHOOK_SECRET) {
    sinks.push(webhookSink({ url: config.TICKET_WEBHOOK_URL, secret: config.TICKET_WEBHOOK_SECRET, fetch: deps.fetch }));
  }
  if (config.SMTP_URL && config.TICKET_EMAIL_TO && config.TICKET_EMAIL_FROM) {
    const to = config.TICKET_EMAIL_TO.split(',').map((address: string) => address.trim());
    sinks.push(emailSink({ smtpUrl: config.SMTP_URL, to, from: config.TICKET_EMAIL_FROM }));
  }
  if (deps.teams) sinks.push(teamsSink(deps.teams));
  return Object.fromEntries(sinks.map((sink) => [sink.name, sink]));
}
