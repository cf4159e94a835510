import LinkifyIt from 'linkify-it';

/** A web link as it stood in a message: cleaned of what a copy or a mail client added around it. */
export interface FoundLink {
  /** The link with a scheme: `https://` is added to one written without (`app.hirevire.com/i/…`). */
  url: string;
  /** The scheme was written in the message (so `http:` means the candidate really has `http:`). */
  schemeWritten: boolean;
  /** The link went on on the next line (plain-text mail wraps long lines) and was joined again. */
  rejoined: boolean;
  /** It ended in "..." or "…": an app showed it shortened, and the copy kept only that much. */
  ellipsis: boolean;
  /** Where the link stood in the message, `end` exclusive (its next-line rest included). */
  start: number;
  end: number;
}

const linkify = new LinkifyIt().set({ fuzzyEmail: false, fuzzyIP: false });

const OPENERS = /^[<"'“‘«(\[]+/u;
const CLOSERS = /[>"'”’»]+$/u;
const TRAILING_PUNCTUATION = /[.,;:!?…]+$/u;
/** A token on the next line that a wrapped link continues with: URL characters only. */
const CONTINUATION = /^[A-Za-z0-9\-._~%!$&'()*+,;=:@/?#]+/;
/** Where a mail client may break a link: right after one of these, the rest is surely still the link. */
const BREAKS_AFTER = /[/?&=%_\-.#+]$/;
/** A next-line word that is the link's rest, not prose: it has a digit or a URL character in it. */
const URL_LIKE = /[0-9/?=&%_#~]|[a-z][A-Z]/;

/** Every http(s) link in a message, in order, cleaned (`<…>`, quotes, trailing `.`/`)`), line breaks mended. */
export function findLinks(message: string): FoundLink[] {
  const matches = linkify.match(message) ?? [];
  const links: FoundLink[] = [];
  let consumedUpTo = 0;
  for (const match of matches) {
    if (match.index < consumedUpTo) continue;
    if (!['', 'http:', 'https:'].includes(match.schema.toLowerCase())) continue;
    let raw = match.raw;
    let end = match.lastIndex;
    let rejoined = false;
    const next = /^\r?\n[ \t>]*/.exec(message.slice(end));
    if (next) {
      const token = CONTINUATION.exec(message.slice(end + next[0].length))?.[0];
      if (token && continues(raw, token)) {
        raw += token;
        end += next[0].length + token.length;
        rejoined = true;
      }
    }
    consumedUpTo = end;
    const cleaned = clean(raw);
    if (cleaned === '') continue;
    const ellipsis = /(\.{3}|…)$/u.test(raw) || /^(\.{3}|…)/u.test(message.slice(end));
    const schemeWritten = /^https?:\/\//i.test(cleaned);
    // "Booking.com", "ASP.NET": a name with a dot, not a link someone pasted (one has a scheme or a path).
    if (!schemeWritten && !/^[^/?#]+[/?#]./.test(cleaned.replace(/^\/\//, ''))) continue;
    links.push({ url: schemeWritten ? cleaned : `https://${cleaned.replace(/^\/\//, '')}`, schemeWritten, rejoined, ellipsis, start: match.index, end });
  }
  return links;
}

/** The message with its links taken out: what the candidate said around them ("404 again <link>" → "404 again"). */
export function withoutLinks(message: string): string {
  return textAroundLinks(message).join(' ');
}

/** What the candidate said before, between and after the links, each piece trimmed; empty pieces left out. */
export function textAroundLinks(message: string): string[] {
  const pieces: string[] = [];
  let from = 0;
  for (const link of findLinks(message)) {
    pieces.push(message.slice(from, link.start));
    from = link.end;
  }
  pieces.push(message.slice(from));
  return pieces.map((piece) => piece.replace(/\s+/g, ' ').trim()).filter((piece) => piece !== '');
}

function continues(link: string, token: string): boolean {
  if (linkify.test(token) && /^(https?:)?\/\//i.test(token)) return false;
  // "Questions?" or "Thanks!" on the next line is prose: its only URL character is the punctuation that ends it.
  if (!URL_LIKE.test(token.replace(/[.,;:!?]+$/, ''))) return false;
  return BREAKS_AFTER.test(link) ? URL_LIKE.test(token) || /[=&%\-_]$/.test(link) : URL_LIKE.test(token) && !/[.,;:!?]$/.test(link);
}

/** Strips what surrounds a copied link; a `)` stays when it closes a `(` inside the link. */
export function clean(raw: string): string {
  let url = raw.trim().replace(OPENERS, '');
  for (;;) {
    const before = url;
    url = url.replace(CLOSERS, '').replace(TRAILING_PUNCTUATION, '');
    url = dropUnbalanced(url, '(', ')');
    url = dropUnbalanced(url, '[', ']');
    if (url === before) return url;
  }
}

function dropUnbalanced(url: string, open: string, close: string): string {
  if (!url.endsWith(close)) return url;
  const opens = url.split(open).length - 1;
  const closes = url.split(close).length - 1;
  return closes > opens ? url.slice(0, -1) : url;
}
