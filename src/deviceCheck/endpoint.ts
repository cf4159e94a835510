import type { Request, Response, Server } from 'restify';
import type { Logger } from '../log';
import { clientAddress } from '../server/clientAddress';
import type { RateLimit } from '../server/rateLimit';
import { replyJson } from '../server/replyJson';
import type { DeviceCheckLinks, DeviceCheckTokenProblem } from './links';
import { parseDeviceCheck, type DeviceCheckResult } from '../device/checkResult';
import { createUsedLinks, type UsedLinks } from './usedLinks';
import { sendError } from '../server/sendError';

/** Hands a conversation's check result to the conversation (the engine decides what to say). */
export type DeviceCheckResultHandler = (conversationKey: string, result: DeviceCheckResult) => Promise<void> | void;

export interface DeviceCheckEndpointOptions {
  links: Pick<DeviceCheckLinks, 'verify'>;
  onResult: DeviceCheckResultHandler;
  rateLimit: RateLimit;
  log: Logger;
  /** Links whose result was accepted; one per endpoint by default, for the life of the process. */
  usedLinks?: UsedLinks;
}

/** What the candidate's browser is told for each bad link: the page shows `message`. */
export const LINK_PROBLEMS: Record<DeviceCheckTokenProblem, { status: 401 | 403; error: string; message: string }> = {
  missing: { status: 401, error: 'invalid_link', message: 'This link is incomplete. Please open the whole link the chat sent you.' },
  malformed: { status: 401, error: 'invalid_link', message: 'This link is not valid. Please ask the chat for a new one.' },
  'bad-signature': { status: 401, error: 'invalid_link', message: 'This link is not valid. Please ask the chat for a new one.' },
  expired: { status: 403, error: 'expired_link', message: 'This link has expired. Please ask the chat for a new one.' },
};

/**
 * A link's second result. 409 rather than an idempotent 200: the page would then tell the candidate
 * "sent to the chat" while the chat got nothing new; this way the page says what to do instead.
 */
export const LINK_ALREADY_USED = {
  status: 409,
  error: 'already_used',
  message: 'This link has already sent its result to the chat. To check again, please ask the chat for a new link.',
} as const;

/**
 * POST /api/device-check?t=<token>: the check page sends its result here. The token is all the
 * authority there is, so the endpoint accepts one result per link, for the token's conversation
 * only, and returns nothing about it.
 */
export function registerDeviceCheckEndpoint(server: Server, { links, onResult, rateLimit, log, usedLinks = createUsedLinks() }: DeviceCheckEndpointOptions): void {
  server.post('/api/device-check', async function receiveDeviceCheck(req: Request, res: Response) {
    res.header('Cache-Control', 'no-store');
    const client = clientAddress(req);
    if (!rateLimit.allow(client)) {
      res.header('Retry-After', String(rateLimit.retryAfter(client)));
      return sendError(res, 429, 'rate_limited', 'Too many checks from this device. Please wait a minute and try again.');
    }

    const token = new URL(req.url ?? '/', 'http://localhost').searchParams.get('t');
    const check = links.verify(token);
    if ('error' in check) {
      const problem = LINK_PROBLEMS[check.error];
      return sendError(res, problem.status, problem.error, problem.message);
    }

    const result = parseDeviceCheck(typeof req.body === 'object' ? req.body : undefined);
    if (!result) {
      return sendError(res, 400, 'bad_result', 'Send the check result as JSON: { camera, microphone, videoInputs, audioInputs, getUserMedia, checkedAt }.');
    }
    if (!usedLinks.claim(check.linkId, check.expiresAt)) {
      return sendError(res, LINK_ALREADY_USED.status, LINK_ALREADY_USED.error, LINK_ALREADY_USED.message);
    }
    try {
      await onResult(check.conversationKey, result);
    } catch (error) {
      usedLinks.release(check.linkId); // nothing reached the conversation: the same link may try again
      log.error({ err: error instanceof Error ? { name: error.name, message: error.message } : String(error) }, 'device check result not handled');
      return sendError(res, 500, 'not_saved', 'Sorry, the result could not be saved. Please try again.');
    }
    res.json(200, { status: 'received' });
  });
}
