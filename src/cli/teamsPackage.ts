import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { buildPackage } from '../teams/buildPackage';
import { defaultPackagePath, manifestDir, projectRoot } from '../teams/paths';

/**
 * `npm run teams:package [-- --out file.zip] [--manifest dir]`: builds the Teams app package to
 * upload, from manifest/ by default. Reads MicrosoftAppId, TEAMS_APP_ID and BOT_DOMAIN (optionally
 * TEAMS_WEBSITE_URL, TEAMS_PRIVACY_URL, TEAMS_TERMS_URL) from the environment or ./.env; the
 * environment wins. Exits 1 listing every problem.
 */
async function main(args: string[]): Promise<number> {
  if (existsSync('.env')) process.loadEnvFile('.env');
  const option = (name: string) => {
    const value = args[args.indexOf(name) + 1];
    return args.includes(name) && value ? resolve(value) : undefined;
  };
  const out = option('--out') ?? defaultPackagePath();
  const { version } = JSON.parse(readFileSync(join(projectRoot(), 'package.json'), 'utf8')) as { version: string };

  const result = await buildPackage({ manifestDir: option('--manifest') ?? manifestDir(), env: process.env, appVersion: version });
  if (!result.ok) {
    const count = `${result.problems.length} problem${result.problems.length === 1 ? '' : 's'}`;
    console.error(`The Teams app package was not written: ${count}.\n${result.problems.map((p) => `  - ${p}`).join('\n')}`);
    return 1;
  }
  mkdirSync(dirname(out), { recursive: true });
  writeFileSync(out, result.zip);
  console.log(out);
  return 0;
}

main(process.argv.slice(2)).then(
  (code) => (process.exitCode = code),
  (error: unknown) => {
    console.error(`The Teams app package was not written: ${error instanceof Error ? error.message : String(error)}`);
    process.exitCode = 1;
  },
);
