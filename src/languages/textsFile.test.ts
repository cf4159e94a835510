import { cpSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fill, loadTextsFile, throwIfProblems } from './textsFile';
import { TextsError } from './textsProblems';

const FLOWS = join(__dirname, '../../flows');

function flowsWith(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'texts-'));
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(join(dir, name, '..'), { recursive: true });
    writeFileSync(join(dir, name), text);
  }
  return dir;
}

describe.each(['page.yaml', 'email.yaml'])('the shipped %s', (name) => {
  const loaded = loadTextsFile(FLOWS, name);

  test('is translated into every language, with no problem and nothing missing', () => {
    expect(loaded.problems).toEqual([]);
    expect(loaded.missing).toEqual([]);
    expect(loaded.languages).toEqual(['en', 'de', 'es', 'fr', 'pt-BR']);
  });

  test('no translation is left in English by mistake (one-word texts like "Ticket {ticketId}" aside)', () => {
    const english = loaded.texts.en!;
    for (const language of loaded.languages.filter((l) => l !== 'en')) {
      const same = Object.keys(english).filter((key) => loaded.texts[language]![key] === english[key] && /[a-z]{2,}\W+[a-z]{2,}/i.test(english[key]!.replace(/\{\w+\}/g, '')));
      expect({ language, same }).toEqual({ language, same: [] });
    }
  });
});

test('a translation with an extra key, a changed placeholder or a list stops start-up, each listed with its line', () => {
  const dir = flowsWith({
    'page.yaml': 'chat:\n  title: Help\n  hello: "Hello {name}"\n',
    'locales/es/page.yaml': 'chat:\n  title: Ayuda\n  hello: "Hola {nombre}"\n  extra: Sobra\n  list: [a, b]\n',
  });
  const loaded = loadTextsFile(dir, 'page.yaml');
  expect(loaded.problems).toEqual([
    { file: expect.stringMatching(/locales\/es\/page\.yaml$/), at: 'chat.list', line: 5, message: expect.stringMatching(/expected a text/) },
    { file: expect.stringMatching(/locales\/es\/page\.yaml$/), at: 'chat.hello', line: 3, message: 'placeholders {nombre} differ from English {name}' },
    { file: expect.stringMatching(/locales\/es\/page\.yaml$/), at: 'chat.extra', line: 4, message: expect.stringMatching(/"chat\.extra" is not in .*page\.yaml/) },
  ]);
  expect(() => throwIfProblems(loaded)).toThrow(TextsError);
  expect(() => throwIfProblems(loaded)).toThrow(/The text files have 3 problems:[\s\S]*es\/page\.yaml:3\s+chat\.hello: placeholders/);
});

test('a text a translation doesn\'t have yet is shown in English, and listed as missing', () => {
  const dir = flowsWith({
    'email.yaml': 'a: One\nb: Two\n',
    'locales/fr/email.yaml': 'a: Un\n',
  });
  const loaded = loadTextsFile(dir, 'email.yaml');
  expect(loaded.problems).toEqual([]);
  expect(loaded.missing).toEqual([{ language: 'fr', key: 'b' }]);
  expect(loaded.texts.fr).toEqual({ a: 'Un', b: 'Two' });
});

test('an unreadable or broken file is a problem, not a crash; a language folder without the file is not offered', () => {
  const dir = flowsWith({ 'locales/de/email.yaml': 'a: [unclosed\n', 'locales/it/locale.yaml': 'name: Italiano\n' });
  const loaded = loadTextsFile(dir, 'email.yaml');
  expect(loaded.problems.map((p) => `${p.file.split('/').slice(-1)[0]}:${p.line ?? ''} ${p.message}`)).toEqual([
    expect.stringMatching(/^email\.yaml: file not found/),
    expect.stringMatching(/^email\.yaml:\d+ not valid YAML/),
  ]);
  expect(loaded.languages).toEqual(['en']);
});

test('a copy of the shipped flows loads as shipped', () => {
  const dir = mkdtempSync(join(tmpdir(), 'texts-copy-'));
  cpSync(FLOWS, dir, { recursive: true });
  expect(loadTextsFile(dir, 'page.yaml').problems).toEqual([]);
});

test('placeholders are filled, an unknown one stays visible', () => {
  expect(fill('{a} and {b}', { a: 'one' })).toBe('one and {b}');
});
