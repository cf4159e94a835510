/**
 * A new interview link a recruiter gives from a Teams card, checked before anything reaches the
 * candidate: a full https address with a real host name (a dot in it), no spaces, no user name or
 * password in it. Anything else is refused with the reason, so a typo never lands in a candidate's chat.
 */
export type LinkCheck = { ok: true; link: string } | { ok: false; problem: string };

const MAX_LINK_LENGTH = 2000;
const EXAMPLE = 'e.g. https://interviews.example.com/i/abc';

export function checkNewInterviewLink(value: unknown): LinkCheck {
  const text = typeof value === 'string' ? value.trim() : '';
  if (text === '') return refuse(`Paste the new interview link first (${EXAMPLE}).`);
  if (text.length > MAX_LINK_LENGTH) return refuse(`That link is longer than ${MAX_LINK_LENGTH} characters.`);
  if (/\s/.test(text)) return refuse(`A link has no spaces: paste just the address (${EXAMPLE}).`);
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return refuse(`That is not a web address: paste the whole link, starting with https:// (${EXAMPLE}).`);
  }
  if (url.protocol !== 'https:') return refuse(`The link must start with https:// so it opens securely (${EXAMPLE}).`);
  if (!/^[^.]+\.[^.]+/.test(url.hostname) || url.hostname.endsWith('.')) return refuse(`"${url.hostname}" is not a full host name (${EXAMPLE}).`);
  if (url.username !== '' || url.password !== '') return refuse('The link must not carry a user name or password.');
  return { ok: true, link: text };
}

function refuse(problem: string): LinkCheck {
  return { ok: false, problem: `${problem} Nothing was sent to the candidate.` };
}
