import { lookup } from 'node:dns/promises';
import http from 'node:http';
import https from 'node:https';
import { BlockList, isIP, type LookupFunction } from 'node:net';
import type { LiveOutcome } from './finding';
import { normalHost } from './judgeLink';

export interface LiveCheckOptions {
  /** The platform's hosts (INTERVIEW_LINK_HOSTS): the only hosts ever asked, redirects included (exact host match after normalHost; no subdomains unless listed). */
  hosts: readonly string[];
  /** Default 3000. The whole check, redirects included. */
  timeoutMs?: number;
  /** Test-only: lets a check reach loopback addresses (a test server on 127.0.0.1). Never read from the environment. */
  allowLoopback?: boolean;
  /** Resolves a host name to addresses; default node:dns/promises lookup with { all: true, verbatim: true }. Injected in tests. */
  resolve?: (hostname: string) => Promise<Array<{ address: string; family: number }>>;
}

export interface LiveCheck {
  outcome: LiveOutcome;
  /** The HTTP status of the last response, when there was one. */
  status?: number;
  /** Why the outcome is unknown without an answer we trust: for logs and tests (never candidate data). */
  refused?: 'host-not-listed' | 'scheme' | 'address' | 'redirect-off-list' | 'too-many-redirects';
  failed?: 'timeout' | 'network' | 'dns';
}

const DEFAULT_TIMEOUT_MS = 3000;
const MAX_REDIRECTS = 5;
const REDIRECTS = new Set([301, 302, 303, 307, 308]);
const USER_AGENT = 'candidate-support-bot link check';

/**
 * Asks the platform, with one HEAD request (a GET could use up a single-use link), whether a link
 * is gone (404, 410) or works (2xx). Only listed hosts at public addresses are ever asked, and only
 * at the address that was checked, so neither a redirect nor DNS rebinding can point the bot inward.
 * Never throws: anything that goes wrong is an `unknown` outcome saying why.
 */
export async function checkLinkLive(url: string, options: LiveCheckOptions): Promise<LiveCheck> {
  const controller = new AbortController();
  let timer: NodeJS.Timeout | undefined;
  const timedOut = new Promise<LiveCheck>((settle) => {
    timer = setTimeout(() => settle({ outcome: 'unknown', failed: 'timeout' }), options.timeoutMs ?? DEFAULT_TIMEOUT_MS);
  });
  try {
    return await Promise.race([follow(url, options, controller.signal), timedOut]);
  } catch {
    return { outcome: 'unknown', failed: 'network' };
  } finally {
    clearTimeout(timer);
    // Stops whatever is still under way: an open socket, or the request a late lookup would lead to.
    controller.abort();
  }
}

async function follow(start: string, options: LiveCheckOptions, signal: AbortSignal): Promise<LiveCheck> {
  const listed = new Set(options.hosts.map(bareHost).filter((host) => host !== ''));
  let target = httpTarget(start);
  if (!target) return unknown(undefined, { refused: 'scheme' });
  let status: number | undefined;
  for (let redirects = 0; ; redirects++) {
    const host = bareHost(target.hostname);
    // Checked before any lookup: an unlisted host isn't even resolved.
    if (!listed.has(host)) return unknown(status, { refused: status === undefined ? 'host-not-listed' : 'redirect-off-list' });
    const vetted = await vettedAddress(host, options);
    if (vetted === 'dns') return unknown(status, { failed: 'dns' });
    if (vetted === 'address') return unknown(status, { refused: 'address' });
    if (signal.aborted) return unknown(status, { failed: 'timeout' });
    const answer = await askHead(target, host, vetted, signal);
    if (!answer) return unknown(status, { failed: 'network' });
    status = answer.status;
    if (!REDIRECTS.has(status)) return { outcome: outcomeOf(status), status };
    if (answer.location === undefined) return unknown(status, {});
    if (redirects === MAX_REDIRECTS) return unknown(status, { refused: 'too-many-redirects' });
    const next = httpTarget(answer.location, target);
    if (!next) return unknown(status, { refused: 'redirect-off-list' });
    target = next;
  }
}

/** An unknown outcome, with the last status when there was one (no `status: undefined` in logs). */
function unknown(status: number | undefined, why: Pick<LiveCheck, 'refused' | 'failed'>): LiveCheck {
  return status === undefined ? { outcome: 'unknown', ...why } : { outcome: 'unknown', status, ...why };
}

function outcomeOf(status: number): LiveOutcome {
  if (status === 404 || status === 410) return 'gone';
  if (status >= 200 && status <= 299) return 'works';
  // 401, 403, 405, 429, 5xx…: the platform didn't say; asking again with GET could use the link up.
  return 'unknown';
}

/** An http(s) URL without credentials (a `user:pass@` link is not an interview link), or null. */
function httpTarget(url: string, base?: URL): URL | null {
  let parsed: URL;
  try {
    parsed = new URL(url, base);
  } catch {
    return null;
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') return null;
  if (parsed.username !== '' || parsed.password !== '') return null;
  return parsed;
}

/** A host as listed and compared: normalised, and an IPv6 literal without its brackets. */
function bareHost(host: string): string {
  return normalHost(host).replace(/^\[(.*)\]$/, '$1');
}

interface Address {
  address: string;
  family: 4 | 6;
}

/** The address to connect to, once every address the host has passed; or why there is none. */
async function vettedAddress(host: string, options: LiveCheckOptions): Promise<Address | 'dns' | 'address'> {
  let found: Array<{ address: string }>;
  if (isIP(host) !== 0) {
    found = [{ address: host }];
  } else {
    try {
      found = await (options.resolve ?? resolveAll)(host);
    } catch {
      return 'dns';
    }
  }
  if (found.length === 0) return 'dns';
  // One inward address is enough to refuse: which one a connection gets is not ours to choose.
  if (!found.every(({ address }) => isPublic(address, options.allowLoopback === true))) return 'address';
  const address = found[0]!.address;
  return { address, family: isIP(address) === 4 ? 4 : 6 };
}

function resolveAll(host: string): Promise<Array<{ address: string; family: number }>> {
  return lookup(host, { all: true, verbatim: true });
}

const INWARD = new BlockList();
for (const [network, prefix] of [
  ['0.0.0.0', 8],
  ['10.0.0.0', 8],
  ['100.64.0.0', 10],
  ['127.0.0.0', 8],
  ['169.254.0.0', 16],
  ['172.16.0.0', 12],
  ['192.0.0.0', 24],
  ['192.0.2.0', 24],
  ['192.168.0.0', 16],
  ['198.18.0.0', 15],
  ['198.51.100.0', 24],
  ['203.0.113.0', 24],
  ['224.0.0.0', 4],
  ['240.0.0.0', 4],
] as const) {
  INWARD.addSubnet(network, prefix, 'ipv4');
}
INWARD.addAddress('255.255.255.255', 'ipv4');
INWARD.addAddress('::', 'ipv6');
INWARD.addAddress('::1', 'ipv6');
INWARD.addSubnet('fc00::', 7, 'ipv6');
INWARD.addSubnet('fe80::', 10, 'ipv6');
INWARD.addSubnet('ff00::', 8, 'ipv6');
INWARD.addSubnet('2001:db8::', 32, 'ipv6');

const LOOPBACK = new BlockList();
LOOPBACK.addSubnet('127.0.0.0', 8, 'ipv4');
LOOPBACK.addAddress('::1', 'ipv6');

const IPV4_MAPPED = new BlockList();
IPV4_MAPPED.addSubnet('::ffff:0:0', 96, 'ipv6');
const NAT64 = new BlockList();
NAT64.addSubnet('64:ff9b::', 96, 'ipv6');

/** Whether a connection to `address` leaves for the public internet (or, allowed in tests, stays on loopback). */
function isPublic(address: string, allowLoopback: boolean): boolean {
  const family = isIP(address);
  // Not an address, or one with a zone (`fe80::1%eth0`): a BlockList doesn't match those, so refuse them here.
  if (family === 0 || address.includes('%')) return false;
  if (family === 6) {
    // `::ffff:a.b.c.d` is that IPv4 address; `64:ff9b::a.b.c.d` reaches it through a NAT64 gateway, never on loopback.
    if (IPV4_MAPPED.check(address, 'ipv6')) return isPublic(lastIPv4(address), allowLoopback);
    if (NAT64.check(address, 'ipv6')) return isPublic(lastIPv4(address), false);
  }
  const type = family === 4 ? 'ipv4' : 'ipv6';
  if (allowLoopback && LOOPBACK.check(address, type)) return true;
  return !INWARD.check(address, type);
}

/** The IPv4 address in an IPv6 address's last 32 bits (an empty group is `::`, zeros). */
function lastIPv4(address: string): string {
  const dotted = /(\d+\.\d+\.\d+\.\d+)$/.exec(address);
  if (dotted) return dotted[1]!;
  const [high = '', low = ''] = address.split(':').slice(-2);
  const word = (group: string) => parseInt(group || '0', 16);
  return [word(high) >> 8, word(high) & 0xff, word(low) >> 8, word(low) & 0xff].join('.');
}

/** Always hands back the vetted address, so the connection can't go where a second lookup would say. */
function pinnedTo({ address, family }: Address): LookupFunction {
  return (_hostname, options, callback) => {
    if (options.all) callback(null, [{ address, family }]);
    else callback(null, address, family);
  };
}

interface Answer {
  status: number;
  location?: string;
}

/** One HEAD request to the vetted address; the status line and headers, never the body. Null when no answer came. */
function askHead(target: URL, host: string, vetted: Address, signal: AbortSignal): Promise<Answer | null> {
  return new Promise((settle) => {
    const request = (target.protocol === 'https:' ? https : http).request({
      method: 'HEAD',
      protocol: target.protocol,
      // The original host, so the Host header, TLS SNI and certificate check are the platform's own.
      host,
      servername: isIP(host) === 0 ? host : undefined,
      port: target.port === '' ? undefined : Number(target.port),
      path: `${target.pathname}${target.search}`,
      headers: { 'User-Agent': USER_AGENT, Accept: '*/*' },
      lookup: pinnedTo(vetted),
      // No shared socket pool (and so no socket kept for anyone else); no cookie jar exists.
      agent: false,
      signal,
    });
    request.on('response', (response) => {
      const location = response.headers.location;
      settle({ status: response.statusCode ?? 0, ...(location === undefined ? {} : { location }) });
      // The body is never read: a single-use link's page stays unread, and a slow body can't hold the check.
      response.destroy();
      request.destroy();
    });
    request.on('error', () => settle(null));
    request.end();
  });
}
