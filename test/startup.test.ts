import { cpSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { Writable } from 'node:stream';
import { createLogger } from '../src/log';
import { runBotProcessToExit } from './support/botProcess';
import { startTestBot } from './support/testBot';

function brokenFlows(): string {
  const dir = mkdtempSync(join(tmpdir(), 'flows-broken-'));
  cpSync(join(__dirname, '../flows'), dir, { recursive: true });
  writeFileSync(
    join(dir, 'topics/link-expired.yaml'),
    ['id: link-expired', 'label: Expired', 'keywords: [expired]', 'start: ask', 'nodes:', '  ask:', '    type: advice', '    say: Ask for a new link.', '    notHelped: nowhere', ''].join('\n'),
  );
  writeFileSync(join(dir, 'topics/ran-out-of-time.yaml'), 'id: ran-out-of-time\nlabel: [unclosed\n');
  writeFileSync(
    join(dir, 'topics/redo-response.yaml'),
    ['id: redo-response', 'label: Redo', 'keywords: [redo]', 'start: first', 'nodes:', '  first:', '    type: question', '    say: Which?', '    choices: []', ''].join('\n'),
  );
  return dir;
}

test('a bad flow file stops start-up with every problem listed and no stack trace', async () => {
  const result = await runBotProcessToExit({ FLOWS_DIR: brokenFlows(), DATA_DIR: mkdtempSync(join(tmpdir(), 'bot-')) });
  expect(result.code).toBe(1);
  expect(result.stderr).toMatch(/ran-out-of-time\.yaml:\d+/);
  expect(result.stderr).toMatch(/redo-response\.yaml:\d+\s+nodes\.first\.choices/);
  // Advice without the short label a recruiter reads on the ticket, in a topic without its ticket summary.
  expect(result.stderr).toMatch(/link-expired\.yaml:\d+\s+nodes\.ask\.label/);
  expect(result.stderr).toMatch(/link-expired\.yaml:\d+\s+recruiter/);
  expect(result.stderr).not.toMatch(/^\s+at /m);
});

test('a bad cross-reference is reported with its file and path', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'flows-ref-'));
  cpSync(join(__dirname, '../flows'), dir, { recursive: true });
  writeFileSync(
    join(dir, 'topics/link-expired.yaml'),
    ['id: link-expired', 'label: Expired', 'keywords: [expired]', 'start: ask', 'recruiter: { problem: has an expired link, action: Send a new link. }', 'nodes:', '  ask:', '    type: advice', '    label: asking for a new link', '    say: Ask for a new link.', '    notHelped: nowhere', '  orphan:', '    type: branch', '    branches: [{ when: moon-phase, next: ask }]', ''].join('\n'),
  );
  const result = await runBotProcessToExit({ FLOWS_DIR: dir, DATA_DIR: mkdtempSync(join(tmpdir(), 'bot-')) });
  expect(result.code).toBe(1);
  expect(result.stderr).toMatch(/nodes\.ask\.notHelped: "nowhere"/);
  expect(result.stderr).toMatch(/unknown guard "moon-phase"/);
  expect(result.stderr).toMatch(/nodes\.orphan: no node leads here/);
  expect(result.stderr).not.toMatch(/^\s+at /m);
});

test('a bad translation of the page or the emails stops start-up with every problem listed, file and line', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'flows-texts-'));
  cpSync(join(__dirname, '../flows'), dir, { recursive: true });
  writeFileSync(join(dir, 'locales/es/page.yaml'), 'chat:\n  title: Ayuda\n  welcomeBanner: ¡Hola!\n');
  writeFileSync(join(dir, 'locales/fr/email.yaml'), 'email:\n  greeting: "Bonjour {nom},"\n');
  const result = await runBotProcessToExit({ FLOWS_DIR: dir, DATA_DIR: mkdtempSync(join(tmpdir(), 'bot-')) });
  expect(result.code).toBe(1);
  expect(result.stderr).toMatch(/The text files have 2 problems/);
  expect(result.stderr).toMatch(/locales\/es\/page\.yaml:3\s+chat\.welcomeBanner: "chat\.welcomeBanner" is not in/);
  expect(result.stderr).toMatch(/locales\/fr\/email\.yaml:2\s+email\.greeting: placeholders \{nom\} differ from English \{name\}/);
  expect(result.stderr).not.toMatch(/^\s+at /m);
});

test('a bad configuration stops start-up with every problem listed', async () => {
  const result = await runBotProcessToExit({
    PORT: 'eighty',
    HOST: 'everywhere',
    MicrosoftAppType: 'Sometimes',
    LOG_LEVEL: 'loud',
    RECRUITER_LOCALE: 'es',
    INTERVIEW_LINK_HOSTS: 'https://app.hirevire.com/i, hirevire.com',
    INTERVIEW_LINK_SHAPE: '^https://app.hirevire.com/i/([',
    LINK_CHECK: 'yes',
  });
  expect(result.code).toBe(1);
  expect(result.stderr).toMatch(/INTERVIEW_LINK_HOSTS: https:\/\/app\.hirevire\.com\/i: host names only/);
  expect(result.stderr).toMatch(/INTERVIEW_LINK_SHAPE: must be a regular expression/);
  expect(result.stderr).toMatch(/LINK_CHECK: must be on or off/);
  expect(result.stderr).toMatch(/RECRUITER_LOCALE: tickets can only be written in en so far/);
  expect(result.stderr).toMatch(/PORT/);
  expect(result.stderr).toMatch(/HOST: must be an IP address/);
  expect(result.stderr).toMatch(/MicrosoftAppType/);
  expect(result.stderr).toMatch(/LOG_LEVEL/);
  expect(result.stderr).not.toMatch(/^\s+at /m);
});

test('the live link check without the platform\'s hosts stops start-up, saying what it needs', async () => {
  const result = await runBotProcessToExit({ LINK_CHECK: 'on', DATA_DIR: mkdtempSync(join(tmpdir(), 'bot-')) });
  expect(result.code).toBe(1);
  expect(result.stderr).toMatch(/LINK_CHECK: on needs INTERVIEW_LINK_HOSTS/);
  expect(result.stderr).not.toMatch(/^\s+at /m);
});

test('an unauthenticated bot told to listen on every interface refuses to start, saying how to expose it deliberately, with the other problems', async () => {
  const result = await runBotProcessToExit({ HOST: '0.0.0.0', MicrosoftAppId: '', LOG_LEVEL: 'loud', DATA_DIR: mkdtempSync(join(tmpdir(), 'bot-')) });
  expect(result.code).toBe(1);
  expect(result.stderr).toMatch(/HOST: 0\.0\.0\.0 is reachable from other machines, but MicrosoftAppId is empty.*ALLOW_UNAUTHENTICATED_NETWORK=true/);
  expect(result.stderr).toMatch(/LOG_LEVEL/);
  expect(result.stderr).not.toMatch(/^\s+at /m);
});

test('a state database written by a newer build stops start-up with what to do, and no stack trace', async () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'bot-'));
  const db = new Database(join(dataDir, 'bot.sqlite'));
  db.pragma('user_version = 999');
  db.close();
  const result = await runBotProcessToExit({ DATA_DIR: dataDir });
  expect(result.code).toBe(1);
  expect(result.stderr).toMatch(/Cannot start: State database .*bot\.sqlite has schema version 999.*Run a newer build/s);
  expect(result.stderr).not.toMatch(/^\s+at /m);
});

test('a bot with nowhere to send tickets says so loudly at start-up, and stays quiet once a webhook is set', async () => {
  const warnings = async (env: Record<string, string>) => {
    const lines: string[] = [];
    const sink = new Writable({ write: (chunk: Buffer, _e, done) => (lines.push(chunk.toString()), done()) });
    const bot = await startTestBot({ LOG_LEVEL: 'info', ...env }, { log: createLogger('info', sink) });
    await bot.close();
    return lines.join('');
  };
  expect(await warnings({})).toMatch(/NO TICKET REACHES A RECRUITER/);
  expect(await warnings({ TICKET_WEBHOOK_URL: 'http://127.0.0.1:9/hook', TICKET_WEBHOOK_SECRET: 'a-webhook-secret-of-some-length' })).not.toMatch(/NO TICKET REACHES/);
});
