import { readFileSync } from 'node:fs';
import { diagnose } from '../links';

/**
 * link-doctor [--hosts a,b] [FILE]   one candidate message per line (stdin without FILE) → one JSON line each:
 *                                    { "url": cleaned link or null, "host": …, "findings": [ … ] }
 * The platform's hosts come from --hosts, else INTERVIEW_LINK_HOSTS (comma-separated); the shape of a whole link from
 * INTERVIEW_LINK_SHAPE, as the bot reads them. Offline: no link is opened.
 * A developer tool: it prints the messages' links, so feed it test data, never real conversations.
 */

const USAGE = 'usage: link-doctor [--hosts app.hirevire.com,hirevire.com] [FILE]';

export interface LinkDoctorIo {
  env: NodeJS.ProcessEnv;
  /** Reads FILE, or stdin when it is undefined. */
  read: (file: string | undefined) => string;
  out: (text: string) => void;
  err: (text: string) => void;
}

/** Runs the CLI; returns its exit code (2 for a usage mistake). */
export function runLinkDoctor(argv: readonly string[], io: LinkDoctorIo): number {
  const args = [...argv];
  let hostsList = io.env['INTERVIEW_LINK_HOSTS'] ?? '';
  const at = args.indexOf('--hosts');
  if (at >= 0) {
    const value = args[at + 1];
    if (value === undefined || value.startsWith('--')) return usage(io, '--hosts needs a value');
    hostsList = value;
    args.splice(at, 2);
  }
  if (args.length > 1 || args.some((arg) => arg.startsWith('--'))) return usage(io, `unexpected ${args.join(' ')}`);
  const hosts = hostsList.split(',').map((host) => host.trim()).filter((host) => host !== '');
  const shape = io.env['INTERVIEW_LINK_SHAPE']?.trim();
  let linkShape: RegExp | undefined;
  try {
    linkShape = shape ? new RegExp(shape) : undefined;
  } catch {
    return usage(io, 'INTERVIEW_LINK_SHAPE must be a regular expression');
  }
  const lines = io.read(args[0]).split(/\r?\n/);
  if (lines.at(-1) === '') lines.pop();
  for (const line of lines) io.out(`${JSON.stringify(diagnose(line, { hosts, ...(linkShape && { linkShape }) }))}\n`);
  return 0;
}

function usage(io: LinkDoctorIo, problem: string): number {
  io.err(`${problem}\n${USAGE}\n`);
  return 2;
}

if (require.main === module) {
  process.exitCode = runLinkDoctor(process.argv.slice(2), {
    env: process.env,
    read: (file) => readFileSync(file ?? 0, 'utf8'),
    out: (text) => process.stdout.write(text),
    err: (text) => process.stderr.write(text),
  });
}
