import { matchLanguage } from './matchLanguage';

const OURS = ['en', 'es', 'fr', 'de', 'pt-BR'];

test.each([
  ['es', 'es'],
  ['es-MX', 'es'],
  ['ES-es', 'es'],
  ['pt', 'pt-BR'],
  ['pt-PT', 'pt-BR'],
  ['pt-br', 'pt-BR'],
  ['pt_BR', 'pt-BR'],
  ['en-GB', 'en'],
  ['de-CH', 'de'],
  ['fr-CA', 'fr'],
])('a browser asking for %s reads %s', (tag, language) => {
  expect(matchLanguage(tag, OURS)).toBe(language);
});

test.each(['it', 'zh-Hans-CN', '*', '', 'e', '<script>'])('%p is none of ours', (tag) => {
  expect(matchLanguage(tag, OURS)).toBeUndefined();
});
