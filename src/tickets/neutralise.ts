/**
 * Makes candidate text inert wherever a person reads it: a terminal (`npm run tickets`), an email,
 * a Teams card. Control characters would run as terminal escapes or break the layout; bidi controls
 * and invisible characters would make text read differently from what it is ("moc.elpmaxe@" shown
 * as an address it isn't). Nothing is dropped silently: each is shown as what it is, so a recruiter
 * sees that something odd was typed. Printable text in any script is left alone.
 */

/** Bidi embeddings, overrides, isolates and marks (Arabic letter mark, LRM, RLM). */
const BIDI = '\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069';
/** Zero-width and invisible characters with no place in a name or an error message. */
const INVISIBLE = '\u00ad\u180e\u200b\u2060-\u2064\ufeff';
/**
 * The zero-width (non-)joiner is part of Persian and Indic spelling and of emoji sequences, so it
 * is kept between non-ASCII characters; next to ASCII it can only disguise, e.g. "ad\u200dmin".
 */
const JOINER_NEXT_TO_ASCII = '(?<=[\\u0000-\\u007f])[\\u200c\\u200d]|[\\u200c\\u200d](?=[\\u0000-\\u007f])|^[\\u200c\\u200d]|[\\u200c\\u200d]$';

const HIDDEN = new RegExp(`[${BIDI}${INVISIBLE}]|${JOINER_NEXT_TO_ASCII}`, 'gu');
/** C0 (less line breaks and tabs, handled per shape below), DEL and C1 controls. */
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/g;
const LINE_BREAK = /\r\n|[\n\r\u0085\u2028\u2029]/g;

/** "<U+202E>": how a hidden character is shown. */
export function codePointLabel(char: string): string {
  return `<U+${char.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}>`;
}

/** C0 controls as their Unicode control pictures (ESC → "␛", DEL → "␡"); C1 controls as "<U+009B>". */
function controlPicture(char: string): string {
  const code = char.charCodeAt(0);
  if (code < 0x20) return String.fromCharCode(0x2400 + code);
  if (code === 0x7f) return '\u2421';
  return codePointLabel(char);
}

function showHidden(text: string): string {
  return text.replace(HIDDEN, codePointLabel).replace(CONTROL, controlPicture);
}

/**
 * One-line fields (name, email, position, company, labels): line breaks and tabs become single
 * spaces, so the text can't start a row or a header of its own; everything else hidden is shown.
 */
export function neutraliseLine(text: string): string {
  return showHidden(text.replace(LINE_BREAK, ' ').replace(/\t/g, ' '))
    .replace(/\s+/g, ' ')
    .trim();
}

/**
 * Multi-line text (an error message, a transcript line): every kind of line break becomes "\n",
 * so callers can split and indent it; tabs become spaces; everything else hidden is shown.
 */
export function neutraliseText(text: string): string {
  return showHidden(text.replace(LINE_BREAK, '\n').replace(/\t/g, ' '));
}

/** The lines of multi-line text, neutralised. */
export function neutralisedLines(text: string): string[] {
  return neutraliseText(text).split('\n');
}

const JSON_UNSAFE = new RegExp(`[${BIDI}${INVISIBLE}\\u200c\\u200d\\u007f-\\u009f\\u2028\\u2029]`, 'g');

/**
 * JSON whose data is exactly the value given, but whose bytes are inert in a terminal or log
 * viewer: JSON.stringify already writes C0 controls as \u001b; this writes bidi, invisible and C1
 * characters and line separators as \u escapes too. They can only occur inside strings, where the
 * escape means the same character, so a parser reads back the same data.
 */
export function inertJson(value: unknown, space?: number): string {
  return JSON.stringify(value, null, space).replace(JSON_UNSAFE, (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`);
}
