import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Candidate } from './support/candidate';
import { killHard, startBotProcess } from './support/botProcess';

test('a conversation killed with kill -9 mid-way continues where it was after a restart', async () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'bot-restart-'));
  const first = await startBotProcess({ DATA_DIR: dataDir });
  const candidate = new Candidate(first.url, 'conv-survives-restart');
  await candidate.says('the page won\'t load');
  await candidate.says('no');
  expect(candidate.text).toMatch(/Chrome and Safari/);
  await killHard(first);

  const second = await startBotProcess({ DATA_DIR: dataDir });
  try {
    const resumed = new Candidate(second.url, 'conv-survives-restart');
    await resumed.says('no');
    expect(resumed.text).toMatch(/phone/i);
    expect(resumed.text).not.toMatch(/updated/i);
  } finally {
    await killHard(second);
  }
});

test('kill -9 while twenty conversations are mid-turn: after a restart every one of them loads and goes on', async () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'bot-kill-mid-turn-'));
  const first = await startBotProcess({ DATA_DIR: dataDir });
  const candidates = Array.from({ length: 20 }, (_, i) => new Candidate(first.url, `conv-mid-turn-${i}`));
  await Promise.all(candidates.map((c) => c.says('the page won\'t load')));
  // Second messages in flight when the process dies: each is either saved whole or not at all.
  const inFlight = candidates.map((c) => c.says('no').catch(() => undefined));
  await new Promise((r) => setTimeout(r, 15));
  await killHard(first);
  await Promise.all(inFlight);

  const second = await startBotProcess({ DATA_DIR: dataDir });
  try {
    for (const [i] of candidates.entries()) {
      const resumed = new Candidate(second.url, `conv-mid-turn-${i}`);
      await resumed.says('no');
      // Either the killed turn was saved (now at the phone step) or not (now at the browser step); never broken.
      expect(resumed.text).toMatch(/Chrome and Safari|phone/i);
      expect(resumed.text).not.toMatch(/updated|went wrong/i);
    }
  } finally {
    await killHard(second);
  }
});
