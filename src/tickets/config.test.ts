import { z } from 'zod';
import { checkTicketConfig, configuredSinks, TicketConfig, ticketConfigShape } from './config';

const WEBHOOK = { TICKET_WEBHOOK_URL: 'https://ats.example.com/hooks/tickets', TICKET_WEBHOOK_SECRET: 'a-secret-of-20-chars' };
const EMAIL = { SMTP_URL: 'smtps://user:pass@smtp.example.com:465', TICKET_EMAIL_TO: 'recruiting@example.com', TICKET_EMAIL_FROM: 'bot@example.com' };

function problems(env: Record<string, string>): string[] {
  const result = TicketConfig.safeParse(env);
  return result.success ? [] : result.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
}

test('with nothing set, tickets are kept for 90 days and no sink is configured', () => {
  const config = TicketConfig.parse({});
  expect(config).toEqual({ TICKET_RETENTION_DAYS: 90 });
  expect(configuredSinks(config)).toEqual({});
});

test('empty values in .env count as not set', () => {
  expect(TicketConfig.parse({ TICKET_WEBHOOK_URL: '', SMTP_URL: '  ', TICKETS_API_TOKEN: '' })).toEqual({ TICKET_RETENTION_DAYS: 90 });
});

test.each([
  ['a webhook without its secret', { TICKET_WEBHOOK_URL: WEBHOOK.TICKET_WEBHOOK_URL }, ['TICKET_WEBHOOK_SECRET: required when TICKET_WEBHOOK_URL is set']],
  ['a short webhook secret', { ...WEBHOOK, TICKET_WEBHOOK_SECRET: 'short' }, ['TICKET_WEBHOOK_SECRET: must be at least 16 characters']],
  ['a webhook that is not http(s)', { ...WEBHOOK, TICKET_WEBHOOK_URL: 'ftp://ats.example.com/' }, ['TICKET_WEBHOOK_URL: must be an http:// or https:// URL']],
  ['an SMTP URL of another scheme', { ...EMAIL, SMTP_URL: 'https://smtp.example.com' }, ['SMTP_URL: must be an smtp:// or smtps:// URL']],
  [
    'SMTP without addresses',
    { SMTP_URL: EMAIL.SMTP_URL },
    ['TICKET_EMAIL_TO: required when SMTP_URL is set', 'TICKET_EMAIL_FROM: required when SMTP_URL is set'],
  ],
  ['a recipient that is not an address', { ...EMAIL, TICKET_EMAIL_TO: 'a@example.com, recruiting' }, ['TICKET_EMAIL_TO: must be an email address, or several separated by commas']],
  ['a short API token', { TICKETS_API_TOKEN: 'tooshort' }, ['TICKETS_API_TOKEN: must be at least 16 characters']],
  ['a retention of zero days', { TICKET_RETENTION_DAYS: '0' }, ['TICKET_RETENTION_DAYS: must be at least 1 day']],
])('an operator is told what to fix: %s', (_name, env, expected) => {
  expect(problems(env)).toEqual(expected);
});

test('the configured sinks are those the settings ask for, plus Teams when the bot layer can send', () => {
  const teams = { channels: async () => [], send: async () => undefined };
  expect(Object.keys(configuredSinks(TicketConfig.parse({ ...WEBHOOK })))).toEqual(['webhook']);
  expect(Object.keys(configuredSinks(TicketConfig.parse({ ...WEBHOOK, ...EMAIL }), { teams }))).toEqual(['webhook', 'email', 'teams']);
  expect(Object.keys(configuredSinks(TicketConfig.parse({}), { teams }))).toEqual(['teams']);
});

test('the shape and check merge into a larger configuration schema', () => {
  const Merged = z.object({ PORT: z.coerce.number().default(3978), ...ticketConfigShape }).superRefine(checkTicketConfig);
  expect(Merged.parse({ ...EMAIL, TICKET_EMAIL_TO: 'a@example.com,b@example.com' })).toMatchObject({ PORT: 3978, TICKET_EMAIL_TO: 'a@example.com,b@example.com' });
  expect(Merged.safeParse({ SMTP_URL: EMAIL.SMTP_URL }).success).toBe(false);
});
