import { createHash, timingSafeEqual } from 'node:crypto';

/**
 * Checks a presented secret (bearer token, proof header, URL key) against the expected one in
 * constant time: both are hashed first, so the comparison never reveals a length or a prefix.
 */
export function secretMatcher(expected: string): (presented: string | undefined) => boolean {
  const expectedDigest = digest(expected);
  return function matchesSecret(presented) {
    return presented !== undefined && timingSafeEqual(digest(presented), expectedDigest);
  };
}

function digest(text: string): Buffer {
  return createHash('sha256').update(text).digest();
}
