import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { buildPackage } from '../teams/buildPackage';
import { defaultPackagePath, manifestDir, projectRoot } from '../teams/paths';

/**
 * `npm run teams:package [-- --out file.zip]`: builds the Teams app package to upload. Reads
 * MicrosoftAppId, TEAMS_APP_ID and BOT_DOMAIN (and optionally TEAMS_WEBSITE_URL, TEAMS_PRIVACY_URL,
 * TEAMS_TERMS_URL) from the environment or ./.env; the environment wins. Exits 1 listing every problem.
 */
async function main(args: string[]): Promise<number> {
  if (existsSync('.env')) process.loadEnvFile('.env');
  const outIndex = args.indexOf('--out');
  const out = outIndex >= 0 && args[outIndex + 1] ? resolve(args[outIndex + 1]!) : defaultPackagePath();
  const { version } = JSON.parse(readFileSync(join(projectRoot(), 'package.json'), 'utf8')) as { version: string };

  const result = await buildPackage({ manifestDir: manifestDir(), env: process.env, appVersion: version });
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
