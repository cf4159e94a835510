/** What a candidate may say about themselves in any message, for the recruiter's ticket. */
export interface Slots {
  name?: string;
  email?: string;
  position?: string;
  company?: string;
  deviceType?: 'computer' | 'phone' | 'tablet';
  browser?: 'chrome' | 'safari' | 'edge' | 'firefox' | 'samsung' | 'other';
}

const CULTURE = 'en-us';
/** Capitalised words, as people write names and job titles ("Jo Marsh", "Data Analyst"). */
const CAPITALISED = String.raw`[A-Z][\p{L}'’-]*(?: [A-Z][\p{L}'’&-]*){0,3}`;
const PHRASE_END = String.raw`(?=[,.;!?\n]|$| and | the link| my | i )`;
const NAME_PATTERNS = [
  new RegExp(String.raw`\bname(?: is|:)\s*(${CAPITALISED})`, 'iu'),
  new RegExp(String.raw`\b(?:I'm|I am|this is|im)\s+(${CAPITALISED})\s*(?=[,.;!\n]|$)`, 'u'),
];
const POSITION_PATTERNS = [
  /\bposition(?: is|:)?\s+(?!at\b)([^,.;\n]{2,60}?)(?=[,.;\n]|$| at )/i,
  /\b(?:role|job title)(?: is|:)\s+([^,.;\n]{2,60}?)(?=[,.;\n]|$| at )/i,
  new RegExp(String.raw`\bfor (?:the |a |an )?(${CAPITALISED}) (?:position|role|job)\b`, 'u'),
  /\bapplied (?:for|to) (?:the |a |an )?([^,.;\n]{2,60}?)(?: position| role| job)?(?=[,.;\n]|$| at )/i,
  new RegExp(String.raw`(?:^|, )(${CAPITALISED}) at ${CAPITALISED}`, 'u'),
];
const COMPANY_PATTERNS = [
  /\b(?:company|employer)(?: is|:)?\s+([^,.;\n]{2,60}?)(?=[,.;\n]|$)/i,
  new RegExp(String.raw`\b(?:position|role|job) (?:at|with) (${CAPITALISED})`, 'u'),
  new RegExp(String.raw`(?:^|, |applied (?:for|to) [^,.;\n]{2,60}?)\b(?:[A-Z][\p{L}-]* )*[A-Z][\p{L}-]* at (${CAPITALISED})`, 'u'),
];
/**
 * Devices in the words of every language the bot speaks: candidates name them in their own
 * ("portátil", "ordi", "Handy", "celular") and mix in English. First match wins: "ordinateur
 * portable" is a laptop before "portable" (French for a mobile phone) is a phone.
 */
const DEVICES: [RegExp, Slots['deviceType']][] = [
  [/(?<!\p{L})(ipad|tablet|galaxy tab|tableta|tablette|tablete)(?!\p{L})/iu, 'tablet'],
  [/(?<!\p{L})(ordinateur portable|pc portable|ordinateur|ordi|ordenador|port[aá]til|computadora|compu|computador|notebook|rechner|laptop)(?!\p{L})/iu, 'computer'],
  [/(?<!\p{L})(iphone|android|samsung|galaxy|pixel|phone|mobile|cell|smartphone|m[oó]vil|celular|cel|tel[eé]fono|t[eé]l[eé]phone|portable|handy|telefon|telefone|telem[oó]vel)(?!\p{L})/iu, 'phone'],
  [/(?<!\p{L})(computer|pc|desktop|mac|macbook|imac|windows|chromebook)(?!\p{L})/iu, 'computer'],
];
const BROWSERS: [RegExp, Slots['browser']][] = [
  [/\bsamsung internet\b/i, 'samsung'],
  [/\b(google )?chrome\b/i, 'chrome'],
  [/\bsafari\b/i, 'safari'],
  [/\b(microsoft )?edge\b/i, 'edge'],
  [/\b(mozilla )?firefox\b/i, 'firefox'],
  [/\b(opera|brave|duckduckgo|in the app|linkedin app|instagram)\b/i, 'other'],
];

/**
 * Recognizers-Text's email model, built once and only when a message has an "@": most messages
 * have none, and loading it (~30 ms) and building it per call (~0.4 ms) would cost every start-up and turn.
 */
type EmailModel = ReturnType<InstanceType<typeof import('@microsoft/recognizers-text-sequence').SequenceRecognizer>['getEmailModel']>;
let emailModel: EmailModel | undefined;
function emails(): EmailModel {
  if (!emailModel) {
    const { SequenceRecognizer } = require('@microsoft/recognizers-text-sequence') as typeof import('@microsoft/recognizers-text-sequence');
    emailModel = new SequenceRecognizer(CULTURE).getEmailModel();
  }
  return emailModel;
}

/** The email addresses in a message (Microsoft Recognizers-Text), without a sentence's final dot. */
export function emailIn(text: string): string | undefined {
  if (!text.includes('@')) return undefined;
  const found = emails().parse(text)[0]?.resolution?.value as string | undefined;
  return found?.replace(/[.,;:!?]+$/, '');
}

export function deviceTypeIn(text: string): Slots['deviceType'] {
  return DEVICES.find(([pattern]) => pattern.test(text))?.[1];
}

/** The browser a message names; "the default one" is Safari on Apple devices, Chrome on Android. */
export function browserIn(text: string, device?: string): Slots['browser'] {
  const named = BROWSERS.find(([pattern]) => pattern.test(text))?.[1];
  if (named || !/\b(default|normal|usual|built-?in|standard)\b/i.test(text)) return named;
  if (/\b(iphone|ipad|mac|macbook|apple|ios)\b/i.test(`${text} ${device ?? ''}`)) return 'safari';
  if (/\b(android|samsung|galaxy|pixel)\b/i.test(`${text} ${device ?? ''}`)) return 'chrome';
  return 'other';
}

/** Every detail a message gives, wherever it is in the message ("I'm Jo, jo@x.com, Designer at Acme"). */
export function slotsIn(text: string): Slots {
  const slots: Slots = {};
  const email = emailIn(text);
  // Patterns read the message without the address, so "jo.marsh@example.com" never looks like a company.
  // …and without what privacy masking put in ("[phone number hidden]" is no phone the candidate uses).
  const rest = (email ? text.replace(email, ' ') : text).replace(/\[[^\]\n]{1,40}\bhidden\]/g, ' ');
  const first = (patterns: RegExp[]) => patterns.map((p) => p.exec(rest)?.[1]?.trim()).find((v) => v !== undefined && v.length >= 2);
  const name = first(NAME_PATTERNS);
  const position = first(POSITION_PATTERNS);
  const company = first(COMPANY_PATTERNS);
  const deviceType = deviceTypeIn(rest);
  const browser = browserIn(rest, deviceType === 'phone' ? rest : undefined);
  if (name && looksLikeName(name)) slots.name = name;
  if (email) slots.email = email;
  if (position && position !== name) slots.position = position;
  if (company && company !== name) slots.company = company;
  if (deviceType) slots.deviceType = deviceType;
  if (browser) slots.browser = browser;
  return slots;
}

/** A name is a few words of letters: not a sentence, not a command, not an address. */
export function looksLikeName(text: string): boolean {
  const words = text.trim().split(/\s+/);
  if (words.length > 5 || text.length > 70) return false;
  if (text.includes('@')) return false;
  return !words.some((w) => NOT_IN_NAMES.has(w.toLowerCase().replace(/[.,]/g, '')));
}

/** Words that show a message is a sentence or a command rather than someone's name. */
const NOT_IN_NAMES = new Set(
  `i me my you your it is was are am the a an to of and or not no yes what why how help menu cancel stop start restart
   please thanks link page error interview recruiter email want need can cant can't don't dont didn't won't have has
   this that there here told already just`.split(/\s+/),
);
