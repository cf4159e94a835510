import type { CountryCode } from 'libphonenumber-js/max';

/**
 * Phone numbers and dates of birth that a candidate types unprompted: the recruiter has their
 * contact details from the application, so a transcript keeps neither. What the form asks for
 * (name, invitation email, the exact error) is not touched: those are stored as answers.
 */
export const HIDDEN = { phone: '[phone number hidden]', birthDate: '[date of birth hidden]' } as const;

/** Where our candidates' numbers are most often written without a +country prefix. */
const NATIONAL_FORMATS: CountryCode[] = ['US', 'GB', 'DE', 'FR', 'ES', 'BR', 'IN'];
/** Words that make a bare digit run a phone number ("call me on 07700900123"); without one it may be an id. */
const PHONE_CUE = /\b(phone|mobile|cell|call|text me|tel|whats ?app|number|n[uú]mero|tel[eé]fono|m[oó]vil|celular|t[eé]l[eé]phone|portable|handy|telefon|nummer)\b/i;
/** Grouped like a phone number: +prefix, (area), or digit groups joined by spaces, dots or dashes. */
const PHONE_SHAPED = /^\+|\(\d+\)|\d[\s.-]\d/;

const MONTHS =
  'jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|jun(?:e)?|jul(?:y)?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?' +
  '|enero|febrero|marzo|abril|mayo|junio|julio|agosto|septiembre|octubre|noviembre|diciembre' +
  '|janvier|f[ée]vrier|mars|avril|mai|juin|juillet|ao[uû]t|septembre|octobre|novembre|d[ée]cembre' +
  '|januar|februar|m[aä]rz|juni|juli|oktober|dezember' +
  '|janeiro|fevereiro|mar[cç]o|maio|junho|julho|setembro|outubro|novembro|dezembro';
const YEAR = '(19\\d{2}|20\\d{2})';
const DATE = new RegExp(
  [
    `\\b\\d{1,2}[./-]\\d{1,2}[./-]${YEAR}\\b`,
    `\\b${YEAR}-\\d{1,2}-\\d{1,2}\\b`,
    `\\b(?:${MONTHS})\\.? \\d{1,2}(?:st|nd|rd|th)?,? ${YEAR}\\b`,
    `\\b\\d{1,2}(?:st|nd|rd|th|\\.)? (?:de )?(?:${MONTHS})\\.?,? (?:de )?${YEAR}\\b`,
  ].join('|'),
  'gi',
);
const BIRTH_CUE = /\b(born|birth|dob|d\.o\.b|birthday|nac[ií]|nacimiento|n[ée]e? le|naissance|geboren|geburt|nasci|nascimento)\b/i;
/** A date this many years back is nobody's interview or deadline. */
const ADULT_YEARS = 14;

export interface Masked {
  text: string;
  /** Whether anything was hidden. */
  hidden: boolean;
}

export function maskPersonalData(text: string, now: Date = new Date()): Masked {
  let masked = maskBirthDates(text, now);
  masked = maskPhoneNumbers(masked);
  return { text: masked, hidden: masked !== text };
}

/** Loaded on the first message that could hold a number (~70 ms): start-up and most turns never need it. */
let findPhoneNumbersInText: typeof import('libphonenumber-js/max').findPhoneNumbersInText | undefined;
function phoneFinder() {
  findPhoneNumbersInText ??= (require('libphonenumber-js/max') as typeof import('libphonenumber-js/max')).findPhoneNumbersInText;
  return findPhoneNumbersInText;
}

/** No phone number anywhere has fewer digits than this. */
const MIN_PHONE_DIGITS = 7;

function maskPhoneNumbers(text: string): string {
  if ((text.match(/\d/g)?.length ?? 0) < MIN_PHONE_DIGITS) return text;
  const find = phoneFinder();
  const cue = PHONE_CUE.test(text);
  const spans = new Map<number, number>();
  for (const country of NATIONAL_FORMATS) {
    for (const found of find(text, { defaultCountry: country })) {
      const written = text.slice(found.startsAt, found.endsAt);
      if (isVersion(tokenAround(text, found.startsAt, found.endsAt))) continue;
      if (cue || PHONE_SHAPED.test(written)) spans.set(found.startsAt, Math.max(found.endsAt, spans.get(found.startsAt) ?? 0));
    }
  }
  return replaceSpans(text, spans, HIDDEN.phone);
}

function maskBirthDates(text: string, now: Date): string {
  const cue = BIRTH_CUE.test(text);
  const oldest = now.getFullYear() - ADULT_YEARS;
  return text.replace(DATE, (date: string) => {
    const year = Number(/(19|20)\d{2}/.exec(date)?.[0]);
    return cue || year <= oldest ? HIDDEN.birthDate : date;
  });
}

/** The whole whitespace-delimited text a match sits in ("126.0.6478.127" for a match inside it). */
function tokenAround(text: string, start: number, end: number): string {
  while (start > 0 && !/\s/.test(text[start - 1]!)) start--;
  while (end < text.length && !/\s/.test(text[end]!)) end++;
  return text.slice(start, end);
}

/** "126.0.6478.127", "17.5.1": dotted groups with a one-digit group are versions; "555.123.4567" is not. */
function isVersion(token: string): boolean {
  const groups = /^v?(\d+(?:\.\d+){2,})[.,;:)]*$/i.exec(token)?.[1]?.split('.');
  return groups !== undefined && groups.some((group) => group.length === 1);
}

/** Replaces non-overlapping spans (start → end), earliest first. */
function replaceSpans(text: string, spans: Map<number, number>, by: string): string {
  let out = '';
  let at = 0;
  for (const [start, end] of [...spans].sort(([a], [b]) => a - b)) {
    if (start < at) continue;
    out += text.slice(at, start) + by;
    at = end;
  }
  return out + text.slice(at);
}
