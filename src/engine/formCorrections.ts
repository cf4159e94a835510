import type { FormAnswers } from '../flow/context';
import type { Slots } from '../understanding/slots';
import { deviceTypeIn, browserIn, emailIn } from '../understanding/slots';
import type { Understanding } from './understanding';
import { withoutFiller } from './formFill';

/**
 * What people type inside the escalation form that is not the answer to the question asked:
 * several details at once, a fix to an earlier answer, a question back. Each is read here so the
 * form never files it under the field it happens to be asking for.
 */

/** "why do you need my email", "how long will they take?": a question back, no position or company. */
export function isQuestionBack(text: string): boolean {
  const trimmed = text.trim();
  return /\?\s*$/.test(trimmed) || /^(why|how|what|when|where|who|can|could|do|does|is|are|will|would|should)\b/i.test(trimmed);
}

/**
 * "James Okafor, james@example.com, warehouse supervisor at Amazon": a list of details typed at
 * once, read part by part (the message-wide slots need "my name is …" or capitals; a list in the
 * form is its own cue). Only a list giving at least two of name, email, position and company counts.
 */
export function detailsListIn(understanding: Understanding, text: string): Slots | undefined {
  const found: Slots = { ...understanding.details(text) };
  const parts = text.split(/[,;\n]+/).map((p) => p.trim()).filter(Boolean);
  if (parts.length < 2) return undefined;
  for (const part of parts) {
    if (emailIn(part)) continue;
    const job = /^(.{2,60}?)\s+(?:at|with|for)\s+(.{2,60})$/i.exec(part);
    if (job && !found.position && !found.company) {
      found.position = job[1]!.trim();
      found.company = job[2]!.trim();
    } else if (!found.name && understanding.isName(withoutFiller(part)) && !deviceTypeIn(part) && !browserIn(part)) {
      found.name = withoutFiller(part);
    }
  }
  const given = (['name', 'email', 'position', 'company'] as const).filter((k) => found[k]);
  return given.length >= 2 ? found : undefined;
}

/**
 * "sorry its Jon not Jonn", "priya sharma sorry": the name fixed while another question is asked.
 * Only when the new name visibly replaces the one given (a word swapped, or the same first name made longer).
 */
export function nameCorrectionIn(understanding: Understanding, text: string, answered: FormAnswers | undefined): string | undefined {
  const before = answered?.fields.name;
  if (!before) return undefined;
  const swap = /^(?:(?:sorry|oops|my bad)[,.!\s]*)?(?:(?:it'?s|its|i meant|meant|should be)\s+)?(\S+(?:\s+\S+)?)\s+not\s+(\S+(?:\s+\S+)?)[.!]?$/i.exec(text.trim());
  if (swap) {
    const [, now, was] = swap as unknown as [string, string, string];
    const at = before.toLowerCase().indexOf(was.toLowerCase());
    if (at >= 0) return before.slice(0, at) + now + before.slice(at + was.length);
    return undefined;
  }
  // Without "X not Y", only a name said with an apology is a fix ("priya sharma sorry"), never "ada at example dot com".
  if (!/\b(sorry|oops|my bad|i mean|i meant)\b/i.test(text)) return undefined;
  const plain = withoutFiller(text.replace(/\b(sorry|oops|my bad|i mean|i meant)\b[,.!]*/gi, ' ').replace(/\s+/g, ' ').trim());
  const first = (name: string) => name.split(/\s+/)[0]!.toLowerCase();
  if (plain && plain.includes(' ') && understanding.isName(plain) && first(plain) === first(before) && plain.length > before.length) return plain;
  return undefined;
}

/**
 * "oh wait typo gmail not gmial", "sorry i meant senior ux designer": an earlier answer fixed while
 * another question is asked. "X not Y" swaps Y wherever an answer has it; "I meant X" replaces the
 * answer given just before (`previous`, the field asked before this one).
 */
export function earlierAnswerFixIn(text: string, answered: FormAnswers | undefined, previous: string | undefined): { field: string; value: string } | undefined {
  const fields = answered?.fields ?? {};
  const swap = /(?:^|[\s,.:;!])(\S+)\s+not\s+(\S+)[.!]?\s*$/i.exec(text.trim());
  if (swap) {
    const [, now, was] = swap as unknown as [string, string, string];
    for (const [field, value] of Object.entries(fields)) {
      if (typeof value !== 'string') continue;
      const at = value.toLowerCase().indexOf(was.toLowerCase());
      if (at >= 0 && now.toLowerCase() !== was.toLowerCase()) return { field, value: value.slice(0, at) + now + value.slice(at + was.length) };
    }
  }
  const meant = /^(?:(?:sorry|oops|my bad|wait)[,.!\s]*)*(?:i meant|i mean|meant to say|it should be|should be)\s+(.{2,200}?)[.!]?\s*$/i.exec(text.trim());
  if (meant && previous && fields[previous as keyof typeof fields] !== undefined) return { field: previous, value: meant[1]!.trim() };
  return undefined;
}

/** "actually i used my phone not the ipad": the device at the review, changed in words. */
export function deviceCorrectionIn(text: string): { deviceType?: Slots['deviceType']; browser?: Slots['browser'] } | undefined {
  if (!/\b(actually|not|wrong|instead|meant|used|using|it was|it's|its)\b/i.test(text)) return undefined;
  // The device named first is the one meant ("my phone not the ipad").
  const said = text.split(/\bnot\b|\binstead of\b/i)[0] ?? text;
  const deviceType = deviceTypeIn(said);
  const browser = browserIn(said, deviceType === 'phone' ? said : undefined);
  return deviceType || browser ? { ...(deviceType && { deviceType }), ...(browser && { browser }) } : undefined;
}
