import type { Wrapper } from './wrappers';

/**
 * What the link doctor found about a link, as data: the words a candidate reads live in flows/.
 * The order in `diagnose`'s list is the order they were found: wrappers, the link's text, its host.
 */
export type Finding =
  /** A link-protection service wrapped the link; it was taken off (one finding per wrapper, outermost first). */
  | { kind: 'wrapped'; by: Wrapper }
  /** A wrapper that can't be undone here: Mimecast keeps the target on its servers (`domain` is its hint, when given); or one that didn't decode. */
  | { kind: 'cannot-unwrap'; by: Wrapper; reason: 'server-side' | 'malformed'; domain?: string }
  /** More wrappers than we take off (10): the link shown is still wrapped. */
  | { kind: 'wrapped-too-deep'; levels: number }
  /** The link went on on the next line and was joined again. */
  | { kind: 'rejoined' }
  /** `http:` — the platform's links are `https:`. */
  | { kind: 'insecure' }
  /** The link's host isn't one of the platform's hosts. */
  | { kind: 'not-platform-host'; host: string; expected: string[] }
  /** The link's host imitates one of the platform's hosts (a typo, another suffix, a hyphen, the real host in front of another domain). */
  | { kind: 'look-alike'; host: string; of: string; how: LookAlike }
  /** The link looks cut short. */
  | { kind: 'cut-short'; why: CutShort }
  /** The message has more links than the one diagnosed. */
  | { kind: 'more-links'; count: number }
  /**
   * The link was wrapped by a link-protection service and the candidate says it is expired or already used:
   * the service's scanner may have opened a single-use link before they did (the conversation adds this).
   */
  | { kind: 'scanner-suspected'; by: Wrapper }
  /** What a HEAD request to the platform answered (LINK_CHECK=on): the link is gone, it works, or we couldn't tell. */
  | { kind: 'checked'; outcome: LiveOutcome; status?: number };

/** `gone`: 404 or 410. `works`: 2xx. `unknown`: anything else, a refusal (an address or a redirect we won't follow) or no answer in time. */
export type LiveOutcome = 'gone' | 'works' | 'unknown';

export type LookAlike = 'spelling' | 'other-suffix' | 'hyphen' | 'real-host-in-front';
/** `ellipsis`: a mail or chat app showed the link shortened ("…/i/7Gx2…") and that was copied. */
export type CutShort = 'host-only' | 'ends-with-separator' | 'unlike-platform-links' | 'ellipsis';
export type FindingKind = Finding['kind'];
