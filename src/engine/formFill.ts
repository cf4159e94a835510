import type { FormNode } from '../flow/schema';
import type { FormEvent } from '../flow/events';
import { fieldOf, type FormPart } from '../flow/formStates';
import type { Details } from './understanding';
import type { FormAnswers } from '../flow/context';

/**
 * The event that answers a form state from what the candidate already said, if they said it.
 * Only a first pass: a question reached through "Change something" is the candidate correcting
 * what was filled in, so it is asked, never refilled with the old value.
 */
export function knownAnswer(form: FormNode, part: FormPart, details: Details, answered: FormAnswers | undefined): FormEvent | undefined {
  if (part.startsWith('edit-') || deviceAnswered(part, answered)) return undefined;
  const field = fieldOf(part);
  if (field) {
    const value = details[field as keyof Details];
    return value && form.fields.some((f) => f.id === field) ? { type: 'form.answer', value } : undefined;
  }
  if (part === 'device-confirm' && details.deviceType && details.browser) return { type: 'form.no' } as FormEvent;
  if (part === 'device-type' && details.deviceType) return { type: `form.type.${details.deviceType}` } as FormEvent;
  if (part === 'device-browser' && details.browser) return { type: `form.browser.${details.browser}` } as FormEvent;
  return undefined;
}

/** Whether this device question was answered before (so it is asked again after "Change something"). */
function deviceAnswered(part: FormPart, answered: FormAnswers | undefined): boolean {
  const device = answered?.device;
  if (part === 'device-confirm') return device !== undefined;
  if (part === 'device-type') return device?.deviceType !== undefined || device?.confirmed === true;
  if (part === 'device-browser') return device?.browser !== undefined;
  return false;
}

/**
 * "It's …", "I just told you. …", "my name is …": what people put before an answer, in English and
 * in the other languages the bot speaks ("soy …", "je m'appelle …", "ich heiße …", "meu nome é …").
 */
const FILLER = new RegExp(
  '^(?:(?:' +
    [
      "i (?:just |already )?(?:told|gave) you(?: that)?|as i said|like i said|i said|it'?s|it is|that'?s|that is|my (?:full )?name is|my (?:e-?mail|email address) is|the (?:name|e-?mail|position|company) is|name|e-?mail|position|company|i'?m|i am|this is|sure|ok(?:ay)?|yes",
      'soy|me llamo|mi nombre(?: completo)? es|mi correo(?: electr[oó]nico)? es|ya te (?:lo )?dije|como (?:te )?dije',
      "je m'appelle|je suis|mon nom(?: complet)? est|mon (?:adresse )?e-?mail est|c'est",
      'ich bin|ich hei(?:ß|ss)e|mein (?:voller )?name ist|meine e-?mail(?:-adresse)? ist|das ist',
      'sou|me chamo|meu nome(?: completo)? [eé]|meu e-?mail [eé]|(?:eu )?j[aá] (?:te )?disse',
    ].join('|') +
    ')[\\s.,:;!-]+)+',
  'iu',
);

export function withoutFiller(text: string): string {
  return text.replace(FILLER, '').trim();
}

const FIELD_WORDS: [RegExp, string][] = [
  [/\b(e-?mail|address)\b/i, 'email'],
  [/\bname\b/i, 'name'],
  [/\b(position|role|job)\b/i, 'position'],
  [/\b(company|employer)\b/i, 'company'],
  [/\b(error|message|what happens)\b/i, 'errorText'],
];

/** Where the new value starts, most specific first: "should be X", "is wrong, it's X", "is X". */
const NEW_VALUE = [/\bshould (?:be|say|read)\s+/i, /\b(?:is |it'?s )?actually\s+/i, /\b(?:wrong|incorrect|a typo)\b[\s,.;:!-]*(?:it'?s|it is|should be)?\s*/i, /\b(?:is|to|:)\s+/i];

/** A correction in words at the review: "the name is wrong, it should be Joanna Marsh" → name = Joanna Marsh. */
export function correctionIn(form: FormNode, text: string): { field: string; value: string } | undefined {
  const trimmed = text.trim();
  for (const pattern of NEW_VALUE) {
    const at = pattern.exec(trimmed);
    if (!at) continue;
    const field = FIELD_WORDS.find(([words]) => words.test(trimmed.slice(0, at.index)))?.[1];
    if (!field || !form.fields.some((f) => f.id === field)) continue;
    const value = withoutFiller(trimmed.slice(at.index + at[0].length).replace(/\s+(?:not|instead of)\s+.*$/i, '')).replace(/[.!]+$/, '');
    if (value) return { field, value };
  }
  return undefined;
}
