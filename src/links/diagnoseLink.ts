import type { Finding } from './finding';
import { findLinks, type FoundLink } from './findLinks';
import { judgeLink, lookAlikeOf, normalHost, type JudgeOptions } from './judgeLink';
import { unwrap, MAX_UNWRAP_LEVELS, type Unwrapped } from './unwrap';

export type DiagnoseOptions = JudgeOptions;

export interface Diagnosis {
  /** The cleaned, unwrapped link, or null when the message has none (or it doesn't parse). */
  url: string | null;
  host: string | null;
  findings: Finding[];
}

interface Candidate {
  found: FoundLink;
  unwrapped: Unwrapped;
  url: URL;
}

/**
 * Finds, cleans, unwraps and judges the interview link in a candidate's message. With several
 * links, the one diagnosed is the one that looks most like the interview link: a look-alike of a
 * platform host first (a warning must never hide behind a help link), then one on a platform host,
 * then one a wrapper hid, then the first; the rest are counted (`more-links`). Pure: no network, no clock.
 */
export function diagnose(message: string, options: DiagnoseOptions): Diagnosis {
  const candidates = findLinks(message).flatMap((found): Candidate[] => {
    const unwrapped = unwrap(found.url);
    const url = parse(unwrapped.url);
    return url ? [{ found, unwrapped, url }] : [];
  });
  const chosen = mostLikeInterviewLink(candidates, options.hosts);
  if (!chosen) return { url: null, host: null, findings: [] };
  const { found, unwrapped, url } = chosen;
  const findings: Finding[] = unwrapped.wrappers.map((by) => ({ kind: 'wrapped', by }));
  if (unwrapped.stuck) findings.push({ kind: 'cannot-unwrap', ...unwrapped.stuck });
  if (unwrapped.tooDeep) findings.push({ kind: 'wrapped-too-deep', levels: MAX_UNWRAP_LEVELS });
  if (found.rejoined) findings.push({ kind: 'rejoined' });
  const stillWrapped = unwrapped.stuck !== undefined || unwrapped.tooDeep === true;
  // A link still wrapped: the wrapper's own host and shape say nothing about the interview link's.
  const judged = judgeLink(url, options).filter((finding) => !stillWrapped || finding.kind === 'insecure');
  findings.push(...judged);
  // Mimecast names the target's domain: a look-alike there is warned about even though the link stays wrapped.
  const hinted = unwrapped.stuck?.domain ? lookAlikeOf(normalHost(unwrapped.stuck.domain), options.hosts.map(normalHost)) : null;
  if (hinted && unwrapped.stuck?.domain) findings.unshift({ kind: 'look-alike', host: normalHost(unwrapped.stuck.domain), ...hinted });
  if (found.ellipsis && !findings.some((finding) => finding.kind === 'cut-short')) findings.push({ kind: 'cut-short', why: 'ellipsis' });
  if (candidates.length > 1) findings.push({ kind: 'more-links', count: candidates.length - 1 });
  return { url: url.href, host: url.hostname, findings };
}

function mostLikeInterviewLink(candidates: Candidate[], hosts: readonly string[]): Candidate | undefined {
  const platformHosts = hosts.map(normalHost);
  const rank = ({ url, unwrapped }: Candidate): number => {
    const host = normalHost(url.hostname);
    if (lookAlikeOf(host, platformHosts)) return 0;
    if (platformHosts.includes(host)) return 1;
    if (unwrapped.wrappers.length > 0 || unwrapped.stuck) return 2;
    return 3;
  };
  return [...candidates].sort((a, b) => rank(a) - rank(b))[0];
}

function parse(url: string): URL | null {
  try {
    return new URL(url);
  } catch {
    return null;
  }
}
