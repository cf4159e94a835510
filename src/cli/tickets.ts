import { existsSync } from 'node:fs';
import { ConfigError, readStoresConfig, type StoresConfig } from '../config/config';
import { inertJson, neutraliseLine } from '../tickets/neutralise';
import { renderText } from '../tickets/renderTicket';
import { openStores } from '../openStores';
import { purgeExpired, type PurgeReport } from '../retention';
import type { DeliveryStatus, TicketSummary } from '../tickets/ticketStore';
import type { Ticket } from '../tickets/ticket';
import type { TicketLifecycle } from '../tickets/lifecycle';
import { historyLines } from './ticketHistory';
import { ChannelsUsageError, runChannelsCommand } from './ticketChannels';
import { clip } from '../clip';

/**
 * tickets list [--limit N] [--offset N] [--json]   newest first
 * tickets show ID [--json]                          the ticket as the recruiter got it, its status and history, and delivery progress
 * tickets purge [--days N] [--json]                 deletes tickets older than N days (default TICKET_RETENTION_DAYS, 90)
 * tickets channels list | add REFERENCE | remove KEY   where ticket cards go (see ticketChannels.ts)
 * Reads DATA_DIR/tickets.sqlite (DATA_DIR from the environment or .env, default ./data), or with
 * STORAGE=postgres the database at DATABASE_URL. `show`
 * prints candidates' personal data: it is for the people who handle the tickets.
 * Candidate text reaches a terminal here: every field is neutralised (no escape sequences, no bidi
 * tricks, no line break that could pass for a row of its own), and JSON carries them as \u escapes.
 */

const USAGE =
  'usage: tickets list [--limit N] [--offset N] [--json] | show ID [--json] | purge [--days N] [--json]' +
  " | channels list [--json] | channels add '<conversation reference JSON>' | channels add --from-file PATH | channels remove KEY";

export interface CliIo {
  env: NodeJS.ProcessEnv;
  out: (text: string) => void;
  now?: () => Date;
}

export class UsageError extends Error {}

/** Runs one command; returns the exit code. Throws UsageError for bad arguments. */
export async function runTicketsCli(argv: string[], { env, out, now = () => new Date() }: CliIo): Promise<number> {
  const args = [...argv];
  const flag = (name: string) => {
    const at = args.indexOf(name);
    if (at >= 0) args.splice(at, 1);
    return at >= 0;
  };
  const option = (name: string): string | undefined => {
    const at = args.indexOf(name);
    if (at < 0) return undefined;
    const value = args[at + 1];
    if (value === undefined) throw new UsageError(`${name} needs a value`);
    args.splice(at, 2);
    return value;
  };
  const json = flag('--json');
  const [command, ...rest] = args;
  const print = (value: unknown, readable: () => string) => out(json ? `${inertJson(value, 2)}\n` : readable());

  if (command !== 'list' && command !== 'show' && command !== 'purge' && command !== 'channels') {
    throw new UsageError(command ? `unknown command "${command}"` : 'no command given');
  }

  // The server's own schema (src/config/config.ts), so both read DATA_DIR, STORAGE and the rest alike.
  let config: StoresConfig;
  try {
    config = readStoresConfig(env);
  } catch (error) {
    throw error instanceof ConfigError ? new UsageError(error.problems.join('; ')) : error;
  }
  const storage = await openStores(config);
  const store = storage.tickets;
  try {
    switch (command) {
      case 'channels':
        return await runChannelsCommand(rest, store, print).catch((error: unknown) => {
          throw error instanceof ChannelsUsageError ? new UsageError(error.message) : error;
        });
      case 'list': {
        const limit = count(option('--limit') ?? '50', '--limit');
        const offset = count(option('--offset') ?? '0', '--offset');
        const tickets = await store.list({ limit, offset });
        print(tickets, () => table(tickets));
        return 0;
      }
      case 'show': {
        const id = rest[0]?.toUpperCase();
        if (!id) throw new UsageError('show needs a ticket id, e.g. CS-000123');
        const ticket = await store.get(id);
        if (!ticket) {
          out(json ? `${JSON.stringify({ error: 'not_found', id })}\n` : `No ticket ${id}.\n`);
          return 1;
        }
        const [deliveries, lifecycle] = await Promise.all([store.deliveryStatus(id), store.lifecycle(id)]);
        const { status, history } = lifecycle ?? { status: 'open', history: [] };
        print({ ticket, status, history, deliveries }, () => detail(ticket, { status, history }, deliveries));
        return 0;
      }
      case 'purge': {
        const days = count(option('--days') ?? String(config.TICKET_RETENTION_DAYS), '--days');
        const purged: PurgeReport = await purgeExpired({ tickets: store, conversations: storage.state as { deleteOlderThan(before: Date): number | Promise<number> } }, days, now());
        print(purged, () =>
          `Deleted ${purged.tickets} ticket${purged.tickets === 1 ? '' : 's'} opened before ${purged.before}` +
          (purged.undeliveredTickets > 0 ? `; ${purged.undeliveredTickets} of them had not reached every sink` : '') +
          `; erased ${purged.conversationItems} stored conversation item${purged.conversationItems === 1 ? '' : 's'}.\n`,
        );
        return 0;
      }
    }
  } finally {
    await storage.close();
  }
}

function count(raw: string, name: string): number {
  if (!/^\d+$/.test(raw)) throw new UsageError(`${name} must be a whole number`);
  return Number(raw);
}

function table(tickets: TicketSummary[]): string {
  if (tickets.length === 0) return 'No tickets.\n';
  const rows = tickets.map((t) => [
    t.id,
    t.createdAt.slice(0, 16).replace('T', ' '),
    neutraliseLine(t.topic),
    t.status,
    clip(neutraliseLine(`${t.position} at ${t.company}`), 48),
    t.deliveries.map(deliveryMark).join(' '),
  ]);
  const header = ['ID', 'OPENED (UTC)', 'TOPIC', 'STATUS', 'POSITION', 'DELIVERY'];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((row) => row[i]!.length)));
  const line = (cells: string[]) => cells.map((cell, i) => cell.padEnd(widths[i]!)).join('  ').trimEnd();
  return `${[line(header), ...rows.map(line)].join('\n')}\n`;
}


/** "webhook ok", "email waiting (3 tries)". */
function deliveryMark(d: DeliveryStatus): string {
  const sink = neutraliseLine(d.sink);
  return d.delivered ? `${sink} ok` : `${sink} waiting (${d.attempts} ${d.attempts === 1 ? 'try' : 'tries'})`;
}

function detail(ticket: Ticket, { status, history }: TicketLifecycle, statuses: DeliveryStatus[]): string {
  const deliveries = statuses.map((d) =>
    d.delivered
      ? `  ${d.sink}: delivered ${d.deliveredAt} after ${d.attempts} ${d.attempts === 1 ? 'try' : 'tries'}`
      : `  ${d.sink}: not yet, ${d.attempts} ${d.attempts === 1 ? 'try' : 'tries'}, next ${d.nextAttemptAt}${d.lastError ? ` (last: ${neutraliseLine(d.lastError)})` : ''}`,
  );
  return [
    renderText(ticket).trimEnd(),
    '',
    `Status: ${status}`,
    '',
    'History:',
    ...history.flatMap(historyLines),
    '',
    'Delivery:',
    ...(deliveries.length > 0 ? deliveries : ['  (no sinks were configured when it was opened)']),
    '',
  ].join('\n');
}

if (require.main === module) {
  if (existsSync('.env')) process.loadEnvFile('.env');
  runTicketsCli(process.argv.slice(2), { env: process.env, out: (text) => process.stdout.write(text) }).then(
    (code) => (process.exitCode = code),
    (error: unknown) => {
      process.stderr.write(error instanceof UsageError ? `${error.message}\n${USAGE}\n` : `${error instanceof Error ? error.message : String(error)}\n`);
      process.exitCode = 2;
    },
  );
}
