import { spawn } from 'node:child_process';
import { copyFileSync, existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import AdmZip from 'adm-zip';
import { parse } from 'yaml';
import { PNG } from 'pngjs';
import { loadFlow } from '../src/flow';
import { drawColorIcon, drawOutlineIcon } from '../src/teams/icons';
import { localizationSchema } from '../src/teams/localizations';

/** `npm run teams:package` as an operator runs it: the built CLI, in its own process. */
const root = join(__dirname, '..');
const cli = join(root, 'dist/src/cli/teamsPackage.js');
const APP_ID = '6f1f5d3e-2b7a-4c8e-9d41-0a5b3c2e1f90';
const TEAMS_APP_ID = 'c3a1e9b2-4d5f-4a6b-8c7d-9e0f1a2b3c4d';
const DOMAIN = 'interview-help.contoso.com';

function runPackager(env: Record<string, string>, dir = mkdtempSync(join(tmpdir(), 'teams-package-')), args: string[] = []) {
  const out = join(dir, 'app.zip');
  const child = spawn(process.execPath, [cli, '--out', out, ...args], { cwd: dir, env: { PATH: process.env.PATH ?? '', ...env } });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  return new Promise<{ code: number | null; stdout: string; stderr: string; out: string }>((resolve) =>
    child.on('close', (code) => resolve({ code, stdout, stderr, out })),
  );
}

/**
 * The schema errors Microsoft's own validator finds, run in a plain Node process: the package loads
 * an ES module that Jest's module loader can't.
 */
function officialSchemaErrors(
  manifest: { manifestVersion?: string },
  schema = require.resolve(`@microsoft/app-manifest/build/json-schemas/teams/v${manifest.manifestVersion}/MicrosoftTeams.schema.json`),
): Promise<string[]> {
  const script = `
    const { AppManifestUtils } = require('@microsoft/app-manifest');
    const [manifest, schema] = [process.argv[1], process.argv[2]].map((json) => JSON.parse(json));
    AppManifestUtils.validateAgainstSchema(manifest, schema).then((errors) => console.log(JSON.stringify(errors)));`;
  const child = spawn(process.execPath, ['-e', script, JSON.stringify(manifest), readFileSync(schema, 'utf8')], { cwd: root });
  let stdout = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  return new Promise((resolve, reject) => child.on('close', (code) => (code === 0 ? resolve(JSON.parse(stdout)) : reject(new Error(`validator exited ${code}`)))));
}

beforeAll(() => {
  if (!existsSync(cli)) throw new Error('build first: npm run build');
});

describe('an operator packaging the Teams app', () => {
  test('gets a zip whose manifest passes the official schema, names the bot, and carries icons of the right sizes', async () => {
    const { code, stdout, stderr, out } = await runPackager({ MicrosoftAppId: APP_ID, TEAMS_APP_ID, BOT_DOMAIN: DOMAIN });
    expect(stderr).toBe('');
    expect(code).toBe(0);
    expect(stdout.trim()).toBe(out);

    const zip = new AdmZip(out);
    expect(zip.getEntries().map((e) => e.entryName).sort()).toEqual(['color.png', 'de.json', 'es.json', 'fr.json', 'manifest.json', 'outline.png', 'pt-br.json']);
    const text = zip.readAsText('manifest.json');
    expect(text).not.toContain('{{');
    const manifest = JSON.parse(text);
    expect(await officialSchemaErrors(manifest)).toEqual([]);
    expect(manifest).toMatchObject({
      manifestVersion: '1.30',
      id: TEAMS_APP_ID,
      version: JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).version,
      validDomains: [DOMAIN],
      developer: { websiteUrl: `https://${DOMAIN}/` },
      icons: { color: 'color.png', outline: 'outline.png' },
    });
    expect(manifest.bots).toHaveLength(1);
    expect(manifest.bots[0].botId).toBe(APP_ID);
    expect([...manifest.bots[0].scopes].sort()).toEqual(['groupChat', 'personal', 'team']);

    const color = PNG.sync.read(zip.readFile('color.png')!);
    const outline = PNG.sync.read(zip.readFile('outline.png')!);
    expect([color.width, color.height]).toEqual([192, 192]);
    expect([outline.width, outline.height]).toEqual([32, 32]);
    expect(outline.data[3]).toBe(0);
  });

  test('a candidate whose Teams is in Spanish, French, German or Portuguese (Brazil) sees the app\'s name, description and commands in it', async () => {
    const { code, out } = await runPackager({ MicrosoftAppId: APP_ID, TEAMS_APP_ID, BOT_DOMAIN: DOMAIN });
    expect(code).toBe(0);
    const zip = new AdmZip(out);
    const manifest = JSON.parse(zip.readAsText('manifest.json'));
    expect(manifest.localizationInfo).toEqual({
      defaultLanguageTag: 'en-us',
      additionalLanguages: ['es', 'fr', 'de', 'pt-br'].map((tag) => ({ languageTag: tag, file: `${tag}.json` })),
    });
    // The official schema, its two patterns Ajv can't compile escaped (src/teams/localizations.ts).
    const schema = join(mkdtempSync(join(tmpdir(), 'teams-schema-')), 'localization.schema.json');
    writeFileSync(schema, JSON.stringify(localizationSchema(require.resolve(`@microsoft/app-manifest/build/json-schemas/teams/v${manifest.manifestVersion}/MicrosoftTeams.Localization.schema.json`))));
    for (const { file } of manifest.localizationInfo.additionalLanguages as { file: string }[]) {
      const translation = JSON.parse(zip.readAsText(file));
      expect({ file, errors: await officialSchemaErrors(translation, schema) }).toEqual({ file, errors: [] });
      // Every candidate command translated, title and description; the recruiters' commands stay English.
      const personal = manifest.bots[0].commandLists[0].commands as unknown[];
      for (const [i] of personal.entries()) {
        expect(translation[`bots[0].commandLists[0].commands[${i}].title`]).toEqual(expect.any(String));
        expect(translation[`bots[0].commandLists[0].commands[${i}].description`]).toEqual(expect.any(String));
      }
      expect(Object.keys(translation).filter((key) => key.startsWith('bots[0].commandLists[1]'))).toEqual([]);
    }
    expect(JSON.parse(zip.readAsText('es.json'))['name.short']).toBe('Ayuda con enlace de entrevista');
    expect(JSON.parse(zip.readAsText('pt-br.json'))['bots[0].commandLists[0].commands[0].title']).toBe('começar de novo');
  });

  test('a translation of something the manifest doesn\'t have, or too long a name, is refused naming the file', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'teams-manifest-'));
    for (const file of ['color.png', 'outline.png', 'manifest.json', 'fr.json', 'de.json', 'pt-br.json']) copyFileSync(join(root, 'manifest', file), join(dir, file));
    const spanish = JSON.parse(readFileSync(join(root, 'manifest/es.json'), 'utf8'));
    spanish['name.short'] = 'Un nombre de aplicación mucho más largo que treinta caracteres';
    spanish['bots[0].commandLists[0].commands[9].title'] = 'nada';
    writeFileSync(join(dir, 'es.json'), JSON.stringify(spanish));

    const { code, stderr } = await runPackager({ MicrosoftAppId: APP_ID, TEAMS_APP_ID, BOT_DOMAIN: DOMAIN }, dir, ['--manifest', dir]);
    expect(code).toBe(1);
    expect(stderr).toMatch(/es\.json \/name\.short: must NOT have more than 30 characters/);
    expect(stderr).toMatch(/es\.json bots\[0\]\.commandLists\[0\]\.commands\[9\]\.title: the manifest has nothing there to translate/);
  });

  test.each([
    ['a TEAMS_APP_ID that is not a GUID', { TEAMS_APP_ID: 'my-teams-app' }, /TEAMS_APP_ID must be a GUID .*\(got "my-teams-app"\)/],
    ['a MicrosoftAppId that is not a GUID', { MicrosoftAppId: '1234' }, /MicrosoftAppId must be a GUID/],
    ['a BOT_DOMAIN given as a URL', { BOT_DOMAIN: `https://${DOMAIN}/api/messages` }, /BOT_DOMAIN must be a host name only/],
    ['localhost as BOT_DOMAIN', { BOT_DOMAIN: 'localhost' }, /can't be reached by Teams/],
  ])('with %s gets no package and a message that says what to fix', async (_case, wrong, message) => {
    const { code, stderr, out } = await runPackager({ MicrosoftAppId: APP_ID, TEAMS_APP_ID, BOT_DOMAIN: DOMAIN, ...wrong });
    expect(code).toBe(1);
    expect(stderr).toMatch(message);
    expect(stderr).not.toMatch(/^\s+at /m);
    expect(existsSync(out)).toBe(false);
  });

  test('with nothing set gets every missing setting listed at once', async () => {
    const { code, stderr } = await runPackager({});
    expect(code).toBe(1);
    for (const name of ['MicrosoftAppId is not set', 'TEAMS_APP_ID is not set', 'BOT_DOMAIN is not set']) expect(stderr).toContain(name);
  });

  test('a manifest edited against the schema is refused, each error named by its JSON path', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'teams-manifest-'));
    for (const icon of ['color.png', 'outline.png']) copyFileSync(join(root, 'manifest', icon), join(dir, icon));
    const manifest = JSON.parse(readFileSync(join(root, 'manifest/manifest.json'), 'utf8'));
    manifest.bots[0].scopes.push('meetings');
    manifest.name.short = 'An app name far longer than thirty characters';
    writeFileSync(join(dir, 'manifest.json'), JSON.stringify(manifest));

    const { code, stderr } = await runPackager({ MicrosoftAppId: APP_ID, TEAMS_APP_ID, BOT_DOMAIN: DOMAIN }, dir, ['--manifest', dir]);
    expect(code).toBe(1);
    expect(stderr).toMatch(/manifest\.json \/bots\/0\/scopes\/3: must be equal to one of the allowed values: "team", "personal", "groupChat"/);
    expect(stderr).toMatch(/manifest\.json \/name\/short: must NOT have more than 30 characters/);
  });

  test('settings in .env are used, and the environment wins over them', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'teams-package-'));
    writeFileSync(join(dir, '.env'), `MicrosoftAppId=${APP_ID}\nTEAMS_APP_ID=${TEAMS_APP_ID}\nBOT_DOMAIN=from-dotenv.contoso.com\n`);
    const { code, out } = await runPackager({ BOT_DOMAIN: DOMAIN }, dir);
    expect(code).toBe(0);
    const manifest = JSON.parse(new AdmZip(out).readAsText('manifest.json'));
    expect(manifest).toMatchObject({ id: TEAMS_APP_ID, bots: [{ botId: APP_ID }], validDomains: [DOMAIN] });
  });
});

describe('the manifest in the repository', () => {
  const manifest = JSON.parse(readFileSync(join(root, 'manifest/manifest.json'), 'utf8'));
  const guide = () => loadFlow(join(root, 'flows')).guide;
  const commandLists: { scopes: string[]; commands: { title: string }[] }[] = manifest.bots[0].commandLists;
  const commandsFor = (scope: string) => commandLists.filter((list) => list.scopes.includes(scope)).flatMap((list) => list.commands.map((c) => c.title));
  const lower = (phrases: string[]) => phrases.map((p) => p.toLowerCase());

  test("offers candidates commands the bot understands, from the guide's own phrases", () => {
    const { labels, commands, privacy } = guide();
    const understood = lower([...Object.values(labels), ...Object.values(commands).flat(), ...privacy.delete]);
    expect(commandsFor('personal').length).toBeGreaterThan(0);
    for (const title of commandsFor('personal')) expect(understood).toContain(title.toLowerCase());
  });

  // Each translated command is sent as the candidate's message: the language's guide must understand it.
  // Runs for the languages whose flows/locales/<language>/guide.yaml exists (all of them once merged).
  const translatedGuides = (['es', 'fr', 'de', 'pt-BR'] as const).filter((language) => existsSync(join(root, 'flows/locales', language, 'guide.yaml')));
  (translatedGuides.length > 0 ? test.each(translatedGuides) : test.skip.each(['es']))("offers candidates in %s commands that language's guide understands", (language) => {
    const translated = parse(readFileSync(join(root, 'flows/locales', language, 'guide.yaml'), 'utf8')) as Record<string, unknown>;
    const { labels, commands, privacy } = guide();
    const phrases = (value: unknown): string[] => (typeof value === 'string' ? [value] : typeof value === 'object' && value ? Object.values(value).flatMap(phrases) : []);
    const understood = lower([
      ...Object.values(labels), ...Object.values(commands).flat(), ...privacy.delete,
      ...phrases(translated.labels), ...phrases(translated.commands), ...phrases((translated.privacy as Record<string, unknown> | undefined)?.delete),
    ]);
    const localization = JSON.parse(readFileSync(join(root, 'manifest', `${language.toLowerCase()}.json`), 'utf8')) as Record<string, string>;
    const titles = Object.entries(localization).filter(([key]) => /^bots\[0\]\.commandLists\[0\]\.commands\[\d+\]\.title$/.test(key)).map(([, title]) => title);
    expect(titles.length).toBeGreaterThan(0);
    for (const title of titles) expect({ title, understood: understood.includes(title.toLowerCase()) }).toEqual({ title, understood: true });
  });

  test.each(['team', 'groupChat'])('offers recruiters in a %s the phrases to start and stop tickets that the bot understands', (scope) => {
    const { register, unregister } = guide().recruiters;
    const offered = lower(commandsFor(scope));
    expect(offered).toContain(register[0]!.toLowerCase());
    expect(offered).toContain(unregister[0]!.toLowerCase());
    for (const title of offered) expect(lower([...register, ...unregister])).toContain(title);
  });

  test.each([
    ['color.png', drawColorIcon],
    ['outline.png', drawOutlineIcon],
  ])('%s is what src/teams/icons.ts draws, so it can be redrawn', (file, draw) => {
    const committed = PNG.sync.read(readFileSync(join(root, 'manifest', file)));
    const drawn = draw();
    expect([committed.width, committed.height]).toEqual([drawn.width, drawn.height]);
    expect(Buffer.compare(committed.data, drawn.data)).toBe(0);
  });
});
