import { ConfigError, readStoresConfig } from '../config/config';
import { parseSince, readInsightsReport, renderInsightsTable } from '../insights';
import { openStores } from '../openStores';

/**
 * insights [--since 7d] [--as-of ISO-TIME] [--json]
 *   Is the bot helping? Sessions and their outcomes (engaged, resolved confirmed or implied,
 *   escalated, abandoned), CSAT, topics, the drop-off per node and the messages it couldn't place,
 *   from the events the bot keeps beside the tickets (same DATA_DIR / STORAGE / DATABASE_URL).
 *   --as-of judges sessions at that time (default now): one still open then is judged as if it ended.
 *   SESSION_TIMEOUT_MINUTES (default 30) ends a session.
 */

const USAGE = 'usage: insights [--since 7d|24h|2w|ISO-TIME] [--as-of ISO-TIME] [--json]';

export interface InsightsIo {
  env: NodeJS.ProcessEnv;
  out: (text: string) => void;
  err: (text: string) => void;
  now?: () => Date;
}

/** Runs the CLI; returns its exit code (2 for a usage mistake). */
export async function runInsights(argv: readonly string[], { env, out, err, now = () => new Date() }: InsightsIo): Promise<number> {
  const args = [...argv];
  const usage = (problem: string) => (err(`${problem}\n${USAGE}\n`), 2);
  const option = (name: string): string | undefined | null => {
    const at = args.indexOf(name);
    if (at < 0) return undefined;
    const value = args[at + 1];
    args.splice(at, 2);
    return value === undefined || value.startsWith('--') ? null : value;
  };
  const json = args.includes('--json');
  if (json) args.splice(args.indexOf('--json'), 1);
  const sinceArg = option('--since');
  const asOfArg = option('--as-of');
  if (sinceArg === null) return usage('--since needs a value');
  if (asOfArg === null) return usage('--as-of needs a value');
  if (args.length > 0) return usage(`unexpected ${args.join(' ')}`);

  let asOf: number;
  try {
    asOf = asOfArg === undefined ? now().getTime() : parseSince(asOfArg, now().getTime());
  } catch {
    return usage(`--as-of takes an ISO time like 2026-11-30T12:00:00Z; got "${asOfArg}"`);
  }
  let since: number | undefined;
  try {
    since = sinceArg === undefined ? undefined : parseSince(sinceArg, asOf);
  } catch (error) {
    return usage((error as Error).message);
  }

  let config;
  try {
    config = readStoresConfig(env);
  } catch (error) {
    if (error instanceof ConfigError) return usage(error.problems.join('; '));
    throw error;
  }
  const storage = await openStores(config);
  try {
    const { report, unreadable } = await readInsightsReport(storage.tickets.insights, { timeoutMinutes: config.SESSION_TIMEOUT_MINUTES, asOf, ...(since !== undefined && { since }) });
    out(json ? `${JSON.stringify(report, null, 2)}\n` : renderInsightsTable(report));
    if (unreadable > 0) err(`${unreadable} stored event${unreadable === 1 ? '' : 's'} could not be read (written by a newer build?) and were left out\n`);
    return 0;
  } finally {
    await storage.close();
  }
}

if (require.main === module) {
  runInsights(process.argv.slice(2), { env: process.env, out: (text) => process.stdout.write(text), err: (text) => process.stderr.write(text) }).then(
    (code) => (process.exitCode = code),
    (error: Error) => {
      process.stderr.write(`${error.message}\n`);
      process.exitCode = 1;
    },
  );
}
