import { clip } from '../clip';
import { neutraliseLine } from './neutralise';
import type { Ticket, TicketInterviewLink } from './ticket';

type StoredFinding = TicketInterviewLink['findings'][number];

/** Longest value of a finding shown (a host, a wrapper's name); the API and the webhook carry all of it. */
const MAX_VALUE_LENGTH = 100;

/** Findings that say the link may not be the platform's at all, perhaps phishing: the recruiter reads them first. */
const WARNINGS: readonly string[] = ['look-alike', 'not-platform-host'];

const LOOK_ALIKE: Readonly<Record<string, string>> = {
  spelling: 'a misspelling of it',
  'other-suffix': 'its name with another ending',
  hyphen: 'its name with a hyphen added or moved',
  'real-host-in-front': 'the real name put in front of another domain',
};

const CUT_SHORT: Readonly<Record<string, string>> = {
  'host-only': "only the site's address, nothing after it",
  'ends-with-separator': 'it ends in a separator such as / ? = or -',
  'unlike-platform-links': "it isn't shaped like the platform's interview links",
  ellipsis: 'it ends in "…", as an app shows a shortened link',
};

const CHECK_OUTCOMES: Readonly<Record<string, string>> = {
  gone: 'gone',
  works: 'the link works',
  unknown: "can't tell",
};

/**
 * What the link doctor found about the interview link, in a recruiter's words, one line:
 * "possible phishing: app-hirevire.co imitates app.hirevire.com (a misspelling of it); wrapped by
 * Microsoft Safe Links (taken off); looks cut short: …". Warnings first; a kind this version
 * doesn't know is shown as stored, never dropped. Undefined when the ticket has no link.
 */
export function interviewLinkLine(ticket: Ticket): string | undefined {
  const link = ticket.interviewLink;
  if (!link) return undefined;
  if (link.findings.length === 0) return 'nothing wrong found';
  const warnings = link.findings.filter((finding) => WARNINGS.includes(finding.kind));
  const others = link.findings.filter((finding) => !WARNINGS.includes(finding.kind));
  return [...warnings, ...others].map(findingWords).join('; ');
}

function findingWords(finding: StoredFinding): string {
  const by = value(finding.by) ?? 'a link-protection service';
  switch (finding.kind) {
    case 'wrapped':
      return `wrapped by ${by} (taken off)`;
    case 'cannot-unwrap': {
      const domain = value(finding.domain);
      return finding.reason === 'server-side'
        ? `wrapped by ${by}, which keeps the real link on its servers: the link shown is still wrapped${domain ? ` (it points to ${domain})` : ''}`
        : `wrapped by ${by}, but the wrapping could not be read: the link shown is still wrapped`;
    }
    case 'wrapped-too-deep':
      return `wrapped more than ${value(finding.levels) ?? 'a few'} times: the link shown is still wrapped`;
    case 'rejoined':
      return 'broken across two lines in the message (joined again)';
    case 'insecure':
      return 'starts with http:, not https:';
    case 'not-platform-host':
      return `not on the platform's host (${value(finding.host) ?? 'another host'})`;
    case 'look-alike': {
      const how = wordFor(LOOK_ALIKE, finding.how);
      return `possible phishing: ${value(finding.host) ?? 'the host'} imitates ${value(finding.of) ?? "the platform's host"}${how ? ` (${how})` : ''}`;
    }
    case 'cut-short': {
      const why = wordFor(CUT_SHORT, finding.why);
      return `looks cut short${why ? `: ${why}` : ''}`;
    }
    case 'more-links': {
      const count = typeof finding.count === 'number' ? finding.count : undefined;
      return count === undefined ? 'the message had other links' : `the message had ${count} other ${count === 1 ? 'link' : 'links'}`;
    }
    case 'scanner-suspected':
      return `scanner suspected: the mail security service (${by}) may have opened a single-use link before the candidate did`;
    case 'checked': {
      const outcome = wordFor(CHECK_OUTCOMES, finding.outcome) ?? "can't tell";
      const status = value(finding.status);
      return status ? `checked: the platform answered ${status} (${outcome})` : `checked: ${outcome}`;
    }
    default:
      return unknownWords(finding);
  }
}

/** A kind this version has no words for: "redirects (to: example.org)", as stored, inert. */
function unknownWords({ kind, ...fields }: StoredFinding): string {
  const details = Object.entries(fields).flatMap(([key, field]) => {
    const shown = value(field);
    return shown === undefined ? [] : [`${clip(neutraliseLine(key), MAX_VALUE_LENGTH)}: ${shown}`];
  });
  return `${value(kind) || 'unnamed finding'}${details.length > 0 ? ` (${details.join(', ')})` : ''}`;
}

/** The words for a known value, the value itself (inert) for an unknown one. */
function wordFor(words: Readonly<Record<string, string>>, field: unknown): string | undefined {
  if (typeof field === 'string' && Object.hasOwn(words, field)) return words[field];
  return value(field);
}

/** A stored field as inert text, clipped; undefined unless it is a string, number or boolean. */
function value(field: unknown): string | undefined {
  if (typeof field !== 'string' && typeof field !== 'number' && typeof field !== 'boolean') return undefined;
  return clip(neutraliseLine(String(field)), MAX_VALUE_LENGTH) || undefined;
}
