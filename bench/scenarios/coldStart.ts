import { spawn } from 'node:child_process';
import { performance } from 'node:perf_hooks';
import { newChatIdentity, webChatActivity } from '../activity';
import { createLoopbackClient } from '../httpClient';
import type { Plan } from '../plans';
import { botEnvironment, scratchDir, SERVER_ENTRY } from '../processes';
import { median, round } from '../stats';

export interface ColdStartResult {
  runs: number;
  /** Spawn → the "listening" log line, ms, median over runs. */
  listeningMs: number;
  /** Spawn → the answer to the first turn (a Web Chat join event posted as soon as it listens). */
  firstTurnMs: number;
  samples: { listeningMs: number; firstTurnMs: number }[];
}

/**
 * Starts the server `runs` times on a fresh data folder, as a new deploy would: PORT=0, and the port
 * read from its "listening" line. That line is logged at info level, so these starts use
 * LOG_LEVEL=info (the load tests run at warn, where it is not printed).
 */
export async function coldStart(runs: number, join: Plan['turns'][number]): Promise<ColdStartResult> {
  const samples: ColdStartResult['samples'] = [];
  for (let run = 0; run < runs; run++) samples.push(await startOnce(join));
  return {
    runs,
    listeningMs: round(median(samples.map((s) => s.listeningMs))),
    firstTurnMs: round(median(samples.map((s) => s.firstTurnMs))),
    samples,
  };
}

async function startOnce(join: Plan['turns'][number]): Promise<{ listeningMs: number; firstTurnMs: number }> {
  const started = performance.now();
  const child = spawn(process.execPath, [SERVER_ENTRY], { cwd: scratchDir('cwd'), env: botEnvironment(scratchDir('data'), 0, 'info'), stdio: ['ignore', 'pipe', 'pipe'] });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  let output = '';
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  try {
    const { port, listeningMs } = await new Promise<{ port: number; listeningMs: number }>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`the server did not listen within 20 s:\n${output}`)), 20_000);
      child.stdout.on('data', (chunk: Buffer) => {
        output += chunk.toString();
        const line = output.split('\n').find((l) => l.includes('listening on'));
        const port = line && /"port":(\d+)/.exec(line)?.[1];
        if (port) {
          clearTimeout(timer);
          resolve({ port: Number(port), listeningMs: performance.now() - started });
        }
      });
      child.once('exit', (code) => reject(new Error(`the server exited with ${code}:\n${output}`)));
    });
    const client = createLoopbackClient(port, 1);
    const answer = await client.post('/api/messages', webChatActivity(newChatIdentity(), join.send));
    const firstTurnMs = performance.now() - started;
    client.close();
    if (answer.status !== 200) throw new Error(`the first turn failed with HTTP ${answer.status}: ${answer.body}`);
    return { listeningMs: round(listeningMs), firstTurnMs: round(firstTurnMs) };
  } finally {
    child.kill('SIGTERM');
    await exited;
  }
}
