import { aDraft } from './fixtures/drafts';
import { interviewLinkLine } from './interviewLinkLine';
import { Ticket, type TicketDraftInput } from './ticket';

type FindingInput = NonNullable<TicketDraftInput['interviewLink']>['findings'][number];

function ticketWithFindings(...findings: FindingInput[]): Ticket {
  const interviewLink = { url: 'https://app.hirevire.com/i/abc123', host: 'app.hirevire.com', findings };
  return Ticket.parse({ ...aDraft({ interviewLink }), id: 'CS-000123', createdAt: '2025-07-01T16:30:00.000Z' });
}

test.each<[string, FindingInput, string]>([
  ['wrapped', { kind: 'wrapped', by: 'Microsoft Safe Links' }, 'wrapped by Microsoft Safe Links (taken off)'],
  [
    'cannot-unwrap, kept on the service’s servers, with its hint',
    { kind: 'cannot-unwrap', by: 'Mimecast', reason: 'server-side', domain: 'app.hirevire.com' },
    'wrapped by Mimecast, which keeps the real link on its servers: the link shown is still wrapped (it points to app.hirevire.com)',
  ],
  [
    'cannot-unwrap, kept on the service’s servers, no hint',
    { kind: 'cannot-unwrap', by: 'Mimecast', reason: 'server-side' },
    'wrapped by Mimecast, which keeps the real link on its servers: the link shown is still wrapped',
  ],
  [
    'cannot-unwrap, malformed',
    { kind: 'cannot-unwrap', by: 'Proofpoint URL Defense v3', reason: 'malformed' },
    'wrapped by Proofpoint URL Defense v3, but the wrapping could not be read: the link shown is still wrapped',
  ],
  ['wrapped-too-deep', { kind: 'wrapped-too-deep', levels: 10 }, 'wrapped more than 10 times: the link shown is still wrapped'],
  ['rejoined', { kind: 'rejoined' }, 'broken across two lines in the message (joined again)'],
  ['insecure', { kind: 'insecure' }, 'starts with http:, not https:'],
  ['not-platform-host', { kind: 'not-platform-host', host: 'evil.example', expected: ['app.hirevire.com'] }, "not on the platform's host (evil.example)"],
  ['look-alike by spelling', { kind: 'look-alike', host: 'app.hirevrie.com', of: 'app.hirevire.com', how: 'spelling' }, 'possible phishing: app.hirevrie.com imitates app.hirevire.com (a misspelling of it)'],
  ['look-alike with another suffix', { kind: 'look-alike', host: 'hirevire.co', of: 'app.hirevire.com', how: 'other-suffix' }, 'possible phishing: hirevire.co imitates app.hirevire.com (its name with another ending)'],
  ['look-alike with a hyphen', { kind: 'look-alike', host: 'app-hirevire.com', of: 'app.hirevire.com', how: 'hyphen' }, 'possible phishing: app-hirevire.com imitates app.hirevire.com (its name with a hyphen added or moved)'],
  [
    'look-alike with the real host in front',
    { kind: 'look-alike', host: 'app.hirevire.com.evil.example', of: 'app.hirevire.com', how: 'real-host-in-front' },
    'possible phishing: app.hirevire.com.evil.example imitates app.hirevire.com (the real name put in front of another domain)',
  ],
  ['cut-short, the host only', { kind: 'cut-short', why: 'host-only' }, "looks cut short: only the site's address, nothing after it"],
  ['cut-short, ending in a separator', { kind: 'cut-short', why: 'ends-with-separator' }, 'looks cut short: it ends in a separator such as / ? = or -'],
  ['cut-short, unlike the platform’s links', { kind: 'cut-short', why: 'unlike-platform-links' }, "looks cut short: it isn't shaped like the platform's interview links"],
  ['cut-short, shortened by an app', { kind: 'cut-short', why: 'ellipsis' }, 'looks cut short: it ends in "…", as an app shows a shortened link'],
  ['more-links, one', { kind: 'more-links', count: 1 }, 'the message had 1 other link'],
  ['more-links, several', { kind: 'more-links', count: 3 }, 'the message had 3 other links'],
  [
    'scanner-suspected',
    { kind: 'scanner-suspected', by: 'Microsoft Safe Links' },
    'scanner suspected: the mail security service (Microsoft Safe Links) may have opened a single-use link before the candidate did',
  ],
  ['checked, gone', { kind: 'checked', outcome: 'gone', status: 404 }, 'checked: the platform answered 404 (gone)'],
  ['checked, works', { kind: 'checked', outcome: 'works', status: 200 }, 'checked: the platform answered 200 (the link works)'],
  ['checked, unknown with a status', { kind: 'checked', outcome: 'unknown', status: 503 }, "checked: the platform answered 503 (can't tell)"],
  ['checked, unknown without an answer', { kind: 'checked', outcome: 'unknown' }, "checked: can't tell"],
])('the recruiter reads a finding in words: %s', (_name, finding, words) => {
  expect(interviewLinkLine(ticketWithFindings(finding))).toBe(words);
});

test('the findings are one line, in the order found, each in words', () => {
  expect(interviewLinkLine(ticketWithFindings({ kind: 'wrapped', by: 'Microsoft Safe Links' }, { kind: 'cut-short', why: 'ends-with-separator' }))).toBe(
    'wrapped by Microsoft Safe Links (taken off); looks cut short: it ends in a separator such as / ? = or -',
  );
});

test('a link that may be phishing is the first thing the line says, whatever order it was found in', () => {
  const line = interviewLinkLine(
    ticketWithFindings(
      { kind: 'wrapped', by: 'Microsoft Safe Links' },
      { kind: 'insecure' },
      { kind: 'look-alike', host: 'app-hirevire.com', of: 'app.hirevire.com', how: 'hyphen' },
      { kind: 'more-links', count: 1 },
    ),
  );
  expect(line).toBe(
    'possible phishing: app-hirevire.com imitates app.hirevire.com (its name with a hyphen added or moved); wrapped by Microsoft Safe Links (taken off); starts with http:, not https:; the message had 1 other link',
  );
  expect(interviewLinkLine(ticketWithFindings({ kind: 'rejoined' }, { kind: 'not-platform-host', host: 'evil.example', expected: [] }))).toMatch(
    /^not on the platform's host \(evil\.example\); broken across/,
  );
});

test('a finding this version has no words for is shown as stored, inert, never dropped', () => {
  expect(interviewLinkLine(ticketWithFindings({ kind: 'redirects\u202e', to: 'evil.example\nLink findings: fine', hops: 2, nested: { a: 1 } }, { kind: 'insecure' }))).toBe(
    'redirects<U+202E> (to: evil.example Link findings: fine, hops: 2); starts with http:, not https:',
  );
});

test('a known kind stored in an older or newer shape still reads, with what it has', () => {
  expect(interviewLinkLine(ticketWithFindings({ kind: 'wrapped' }, { kind: 'cut-short', why: 'too-few-characters' }, { kind: 'checked', outcome: 'moved', status: 301 }))).toBe(
    'wrapped by a link-protection service (taken off); looks cut short: too-few-characters; checked: the platform answered 301 (moved)',
  );
});

test('a link with nothing found says so; a ticket with no link has no line', () => {
  expect(interviewLinkLine(ticketWithFindings())).toBe('nothing wrong found');
  expect(interviewLinkLine(Ticket.parse({ ...aDraft(), id: 'CS-000123', createdAt: '2025-07-01T16:30:00.000Z' }))).toBeUndefined();
});
