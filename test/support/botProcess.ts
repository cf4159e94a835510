import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';

const root = join(__dirname, '../..');
export const serverEntry = join(root, 'dist/src/index.js');

export interface BotProcess {
  child: ChildProcess;
  url: string;
  stdout: () => string;
}

/** Starts the built server (`npm start` without the build) as its own process and waits until it listens. */
export function startBotProcess(env: Record<string, string>): Promise<BotProcess> {
  const child = spawn(process.execPath, [serverEntry], {
    cwd: root,
    env: { PATH: process.env.PATH ?? '', PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'info', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  let err = '';
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`server did not start:\n${out}\n${err}`)), 15000);
    child.stdout!.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const port = /"port":(\d+)/.exec(out)?.[1];
      if (port && out.includes('listening')) {
        clearTimeout(timer);
        resolve({ child, url: `http://127.0.0.1:${port}`, stdout: () => out });
      }
    });
    child.stderr!.on('data', (chunk: Buffer) => (err += chunk.toString()));
    child.on('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`server exited with ${code}:\n${out}\n${err}`));
    });
  });
}

/** Runs the server expecting it to refuse to start; returns its exit code and output. */
export function runBotProcessToExit(env: Record<string, string>): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const child = spawn(process.execPath, [serverEntry], { cwd: root, env: { PATH: process.env.PATH ?? '', PORT: '0', HOST: '127.0.0.1', ...env } });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (c: Buffer) => (stdout += c.toString()));
  child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
  return new Promise((resolve) => child.on('exit', (code) => resolve({ code, stdout, stderr })));
}

export function killHard(bot: BotProcess): Promise<void> {
  return new Promise((resolve) => {
    bot.child.once('exit', () => resolve());
    bot.child.kill('SIGKILL');
  });
}
