import { damerauLevenshtein } from '../understanding/damerauLevenshtein';
import type { Finding, LookAlike } from './finding';
import { hostParts } from './registrableDomain';

export interface JudgeOptions {
  /** The interview platform's hosts (`INTERVIEW_LINK_HOSTS`); empty: hosts aren't judged. */
  hosts: readonly string[];
  /** What a whole interview link looks like, when the platform's shape is known (tested on the whole URL). */
  linkShape?: RegExp;
}

/** What is wrong with a cleaned, unwrapped link: its scheme, its host, whether it is whole. */
export function judgeLink(url: URL, { hosts, linkShape }: JudgeOptions): Finding[] {
  const findings: Finding[] = [];
  if (url.protocol === 'http:') findings.push({ kind: 'insecure' });
  const host = normalHost(url.hostname);
  const platformHosts = hosts.map(normalHost).filter((listed) => listed !== '');
  const onPlatform = platformHosts.includes(host);
  if (platformHosts.length > 0 && !onPlatform) {
    const imitated = lookAlikeOf(host, platformHosts);
    findings.push(imitated ? { kind: 'look-alike', host, of: imitated.of, how: imitated.how } : { kind: 'not-platform-host', host, expected: platformHosts });
  }
  const cut = cutShort(url, onPlatform ? linkShape : undefined);
  if (cut) findings.push({ kind: 'cut-short', why: cut });
  return findings;
}

export function normalHost(host: string): string {
  return host.trim().toLowerCase().replace(/\.$/, '');
}

/** The platform host `host` imitates, and how; null when it imitates none (or is the platform's own subdomain). */
export function lookAlikeOf(host: string, platformHosts: readonly string[]): { of: string; how: LookAlike } | null {
  const parts = hostParts(host);
  for (const listed of platformHosts) {
    const real = hostParts(listed);
    if (parts.registrable === real.registrable) continue;
    if (host.startsWith(`${listed}.`) || host.startsWith(`${real.registrable}.`) || host.includes(`.${real.registrable}.`)) return { of: listed, how: 'real-host-in-front' };
    if (parts.name === real.name) return { of: listed, how: 'other-suffix' };
    if (parts.name.includes('-') && squash(parts) === squash(real)) return { of: listed, how: 'hyphen' };
    if (parts.name.replace(/-/g, '') === real.name) return { of: listed, how: 'hyphen' };
    const typos = allowedTypos(real.name);
    if (damerauLevenshtein(parts.name, real.name, typos) <= typos) return { of: listed, how: 'spelling' };
  }
  return null;
}

/** A host without its suffix, dots and hyphens: `app-hirevire.com` and `app.hirevire.com` are both `apphirevire`. */
function squash({ subdomain, name }: { subdomain: string; name: string }): string {
  return `${subdomain}${name}`.replace(/[.-]/g, '');
}

/** Two typos in a long name, one in a short one, none in a name of three letters or fewer. */
function allowedTypos(name: string): number {
  return name.length <= 3 ? 0 : name.length <= 5 ? 1 : 2;
}

function cutShort(url: URL, linkShape: RegExp | undefined) {
  if ((url.pathname === '/' || url.pathname === '') && url.search === '' && url.hash === '') return 'host-only' as const;
  if (/[/?&=%\-_.#+]$/.test(url.href) || /%[0-9A-Fa-f]?$/.test(url.href)) return 'ends-with-separator' as const;
  if (linkShape && !linkShape.test(url.href)) return 'unlike-platform-links' as const;
  return null;
}
