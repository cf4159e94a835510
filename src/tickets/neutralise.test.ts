import { inertJson, neutraliseLine, neutraliseText } from './neutralise';

test.each([
  ['an escape sequence', 'a\u001b[2Jb', 'a␛[2Jb'],
  ['DEL and a C1 control', 'a\u007fb\u009bc', 'a␡b<U+009B>c'],
  ['a right-to-left override', 'Acme \u202egpj.exe', 'Acme <U+202E>gpj.exe'],
  ['a bidi isolate and a mark', '\u2067x\u2069\u200f', '<U+2067>x<U+2069><U+200F>'],
  ['zero-width and byte-order marks', 'ev\u200be\ufeff', 'ev<U+200B>e<U+FEFF>'],
  ['a zero-width joiner inside a Latin word', 'ad\u200dmin', 'ad<U+200D>min'],
])('a recruiter sees %s for what it is', (_case, typed, shown) => {
  expect(neutraliseLine(typed)).toBe(shown);
});

test.each([
  ['a Persian word with a zero-width non-joiner', 'می\u200cخواهم'],
  ['an emoji family joined with zero-width joiners', '👩\u200d👩\u200d👧'],
  ['a Hebrew name', 'דוד כהן'],
  ['an accented name', 'Zoë Ñúñez'],
])('%s is left as typed', (_case, typed) => {
  expect(neutraliseLine(typed)).toBe(typed);
});

test('one-line text loses its line breaks and tabs; multi-line text keeps its lines with one kind of break', () => {
  expect(neutraliseLine(' a\r\nb\tc\u2028d \n')).toBe('a b c d');
  expect(neutraliseText('a\r\nb\rc\u2028d\te')).toBe('a\nb\nc\nd e');
});

test('inert JSON reads back as the same data', () => {
  const value = { text: 'x\u202e\u200b\u2028\u0085\u001by' };
  const json = inertJson(value);
  expect(json).toBe('{"text":"x\\u202e\\u200b\\u2028\\u0085\\u001by"}');
  expect(JSON.parse(json)).toEqual(value);
});
