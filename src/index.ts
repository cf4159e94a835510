import { existsSync } from 'node:fs';
import { startApp } from './app';
import { ConfigError } from './config/config';
import { FlowError } from './flow';
import { TextsError } from './languages';
import { StorageOpenError } from './storage/sqliteWorkerStore';

/**
 * `npm start`. A bad config or flow file, or a data file it can't use, stops start-up with every
 * problem listed and no stack trace: those are the operator's to fix, not bugs.
 */
async function main() {
  if (existsSync('.env')) process.loadEnvFile('.env');
  const app = await startApp();
  const stop = async (signal: string) => {
    process.stdout.write(`${signal}: finishing in-flight turns\n`);
    await app.close();
    process.exit(0);
  };
  process.once('SIGTERM', () => void stop('SIGTERM'));
  process.once('SIGINT', () => void stop('SIGINT'));
}

main().catch((error: unknown) => {
  if (error instanceof ConfigError || error instanceof FlowError || error instanceof TextsError || error instanceof StorageOpenError) {
    process.stderr.write(`Cannot start: ${error.message}\n`);
  } else {
    process.stderr.write(`Cannot start: ${error instanceof Error ? error.stack : String(error)}\n`);
  }
  process.exit(1);
});
