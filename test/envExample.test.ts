import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { SETTING_NAMES } from '../src/config/config';
import { PACKAGE_SETTING_NAMES } from '../src/teams/packageSettings';

/**
 * `.env.example` is where an operator learns every setting: each one the server (or the Teams
 * packaging) reads is there, explained by a comment, and nothing there is ignored by the code.
 */
const lines = readFileSync(join(__dirname, '../.env.example'), 'utf8').split('\n');
/** `NAME=value` or `# NAME=value` (a commented-out example of an optional setting). */
const SETTING = /^#?\s?([A-Za-z][A-Za-z0-9_]*)=/;
const documented = lines.flatMap((line, i) => {
  const name = SETTING.exec(line)?.[1];
  return name ? [{ name, line: i }] : [];
});
const read = [...SETTING_NAMES, ...PACKAGE_SETTING_NAMES];

test('every setting the server reads is in .env.example', () => {
  expect(read.filter((name) => !documented.some((d) => d.name === name))).toEqual([]);
});

test('.env.example names no setting the server ignores', () => {
  expect(documented.map((d) => d.name).filter((name) => !read.includes(name))).toEqual([]);
});

test('every setting in .env.example is explained by a comment above it or its group', () => {
  const unexplained = documented.filter(({ line }) => {
    // Walk up through the setting's group (adjacent settings) to the nearest prose comment.
    for (let i = line - 1; i >= 0; i--) {
      const text = lines[i]!;
      if (SETTING.test(text)) continue;
      return !(text.startsWith('#') && text.replace(/^#\s*/, '').length > 10);
    }
    return true;
  });
  expect(unexplained.map((d) => d.name)).toEqual([]);
});
