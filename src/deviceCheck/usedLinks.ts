export interface UsedLinksOptions {
  /** Most links remembered at once; far more than the checks a deployment sees in a link's lifetime. */
  capacity?: number;
  now?: () => number;
}

/**
 * The device-check links whose result has been accepted, so a link posts one result only: a
 * replay (a link copied from a browser history or a forwarded message) can't add turns to the
 * conversation. In memory for the life of the process: a link only needs remembering until it
 * expires (30 minutes), and a process restarted without DEVICE_CHECK_SECRET refuses its old links
 * anyway. With a fixed secret, a link used just before a restart could be used once more until it
 * expires; that costs one extra turn with a check result, nothing readable.
 */
export function createUsedLinks({ capacity = 10_000, now = Date.now }: UsedLinksOptions = {}) {
  /** linkId → when the link expires (epoch ms); Map order is the order links were used in. */
  const used = new Map<string, number>();

  function makeRoom(): void {
    const at = now();
    for (const [id, expiresAt] of used) if (expiresAt <= at) used.delete(id);
    // Still full of live links: forget the longest-used one rather than refuse everyone's checks.
    while (used.size >= capacity) used.delete(used.keys().next().value as string);
  }

  return {
    /** Records the link as used; false when it already was (and has not expired since). */
    claim(linkId: string, expiresAt: number): boolean {
      const known = used.get(linkId);
      if (known !== undefined && known > now()) return false;
      if (used.size >= capacity) makeRoom();
      used.set(linkId, expiresAt);
      return true;
    },
    /** Gives the link back, when its result could not be saved and the candidate should retry. */
    release(linkId: string): void {
      used.delete(linkId);
    },
    get size(): number {
      return used.size;
    },
  };
}

export type UsedLinks = ReturnType<typeof createUsedLinks>;
