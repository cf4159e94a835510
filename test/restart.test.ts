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
