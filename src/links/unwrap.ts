import type { Wrapper } from './wrappers';

export const MAX_UNWRAP_LEVELS = 10;

export interface Unwrapped {
  /** The innermost link reached (the link itself when nothing wrapped it). */
  url: string;
  /** The wrappers taken off, outermost first. */
  wrappers: Wrapper[];
  /** A wrapper that can't be undone offline (its target lives on the service's servers), or one that didn't decode. */
  stuck?: { by: Wrapper; reason: 'server-side' | 'malformed'; domain?: string };
  /** More than MAX_UNWRAP_LEVELS wrappers: we stopped. */
  tooDeep?: true;
}

type Step = { by: Wrapper; inner: string | null; domain?: string; serverSide?: true };

/** Takes off Safe Links, Proofpoint (v1, v2, v3), Google and Barracuda wrappers, one inside another too. */
export function unwrap(url: string): Unwrapped {
  const wrappers: Wrapper[] = [];
  let current = url;
  for (let level = 0; ; level++) {
    const step = unwrapOnce(current);
    if (!step) return { url: current, wrappers };
    if (level === MAX_UNWRAP_LEVELS) return { url: current, wrappers, tooDeep: true };
    if (step.serverSide || step.inner === null || !/^https?:\/\/[^/]/i.test(step.inner)) {
      const stuck = { by: step.by, reason: step.serverSide ? 'server-side' : 'malformed', ...(step.domain ? { domain: step.domain } : {}) } as const;
      return { url: current, wrappers, stuck };
    }
    wrappers.push(step.by);
    current = step.inner;
  }
}

/** One wrapper off, or null when the link isn't wrapped. */
export function unwrapOnce(url: string): Step | null {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return null;
  }
  const host = parsed.hostname.toLowerCase();
  const path = parsed.pathname;
  if (/(^|\.)safelinks\.protection\.(outlook\.com|office365\.us)$/.test(host)) return { by: 'Microsoft Safe Links', inner: param(parsed, 'url') };
  if (host === 'urldefense.proofpoint.com' && path === '/v1/url') return { by: 'Proofpoint URL Defense v1', inner: param(parsed, 'u') };
  if (host === 'urldefense.proofpoint.com' && path === '/v2/url') return { by: 'Proofpoint URL Defense v2', inner: proofpointV2(rawParam(url, 'u')) };
  if ((host === 'urldefense.com' || host === 'urldefense.proofpoint.com') && path.startsWith('/v3/')) return { by: 'Proofpoint URL Defense v3', inner: proofpointV3(url) };
  if (/^(www\.)?google\.[a-z.]+$/.test(host) && path === '/url') return { by: 'Google redirect', inner: param(parsed, 'q') ?? param(parsed, 'url') };
  if (host === 'linkprotect.cudasvc.com' && path === '/url') return { by: 'Barracuda Link Protection', inner: param(parsed, 'a') };
  if (/^protect(-[a-z0-9]+)?\.mimecast(-offshore)?\.com$/.test(host) || /^[a-z0-9-]+\.mimecastprotect\.com$/.test(host)) {
    const domain = param(parsed, 'domain');
    return { by: 'Mimecast', inner: null, serverSide: true, ...(domain ? { domain } : {}) };
  }
  return null;
}

function param(url: URL, name: string): string | null {
  const value = url.searchParams.get(name);
  return value === null || value === '' ? null : value.trim();
}

/** A query value exactly as written (v2 encodes with `-` and `_`, which URLSearchParams would leave but `+` it would not). */
function rawParam(url: string, name: string): string | null {
  const match = new RegExp(`[?&]${name}=([^&#]*)`).exec(url);
  return match?.[1] ?? null;
}

/** v2: `u=https-3A__app.hirevire.com_i_abc` — `-` stands for `%`, `_` for `/`. */
function proofpointV2(encoded: string | null): string | null {
  if (!encoded) return null;
  return decode(encoded.replace(/-/g, '%').replace(/_/g, '/'));
}

/** The run lengths of `**X`: A stands for 2 characters, B for 3, … `_` for 65. */
const RUN_LENGTHS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';

/**
 * v3: `https://urldefense.com/v3/__<url>__;<base64url>!!<customer>!<token>$`. Characters Proofpoint
 * won't keep in the link are replaced by `*` (one) or `**X` (a run), and the replaced characters are
 * the base64 after `__;`, in order.
 */
function proofpointV3(url: string): string | null {
  const match = /\/v3\/__(.+?)__;([A-Za-z0-9_\-+/=]*)!/.exec(url);
  if (!match) return null;
  const link = decode(match[1] ?? '');
  if (link === null) return null;
  const replaced = Array.from(Buffer.from(match[2] ?? '', 'base64url').toString('utf8'));
  let at = 0;
  let complete = true;
  const take = (count: number): string => {
    if (at + count > replaced.length) complete = false;
    const characters = replaced.slice(at, at + count).join('');
    at += count;
    return characters;
  };
  const result = link.replace(/\*(\*.)?/g, (_token, run: string | undefined) => {
    if (run === undefined) return take(1);
    const index = RUN_LENGTHS.indexOf(run.slice(1));
    if (index < 0) complete = false;
    return take(index + 2);
  });
  return complete ? result : null;
}

function decode(text: string): string | null {
  try {
    return decodeURIComponent(text);
  } catch {
    return null;
  }
}
