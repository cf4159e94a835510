import { isIP } from 'node:net';

/**
 * Whether an address or URL host name stays on this machine: 127.0.0.0/8, ::1 (also IPv4-mapped)
 * or localhost. Unauthenticated mode is for development, so it listens and replies only there.
 */
export function isLoopback(host: string): boolean {
  const bare = host.replace(/^\[(.*)\]$/, '$1').toLowerCase();
  if (bare === 'localhost') return true;
  if (isIP(bare) === 4) return bare.startsWith('127.');
  if (isIP(bare) === 6) return bare === '::1' || /^::ffff:127\./.test(bare);
  return false;
}
