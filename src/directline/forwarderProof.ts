import { randomBytes } from 'node:crypto';
import type { Next, Request, Response } from 'restify';
import { secretMatcher } from '../server/secretMatcher';
import { sendError } from '../server/sendError';

/** The header the local Direct Line's forwarder sets on every activity it posts to /api/messages. */
export const FORWARDER_PROOF_HEADER = 'x-local-direct-line';

/** Channel ids of Direct Line conversations, whose state (the candidate's review) is keyed by them. */
const DIRECT_LINE_CHANNELS = new Set(['webchat', 'directline']);

export interface ForwarderProof {
  readonly header: typeof FORWARDER_PROOF_HEADER;
  /** Random per process; never leaves it (the forwarder talks to its own server). */
  readonly value: string;
  /**
   * /api/messages middleware. With authentication off nothing else says who posted an activity,
   * so a web chat conversation only accepts what the local Direct Line forwards: anyone else
   * could otherwise post into a candidate's conversation id and read their answers in the replies.
   */
  guard(req: Request, res: Response, next: Next): void;
}

export function createForwarderProof(value = randomBytes(32).toString('base64url')): ForwarderProof {
  const isProof = secretMatcher(value);
  return {
    header: FORWARDER_PROOF_HEADER,
    value,
    guard: function onlyFromLocalDirectLine(req: Request, res: Response, next: Next) {
      const channelId = (req.body as { channelId?: unknown } | undefined)?.channelId;
      if (typeof channelId !== 'string' || !DIRECT_LINE_CHANNELS.has(channelId)) return next();
      if (isProof(req.header(FORWARDER_PROOF_HEADER))) return next();
      sendError(res, 403, 'Forbidden', `${channelId} conversations accept activities only through the web chat (/v3/directline)`);
      return next(false);
    },
  };
}
