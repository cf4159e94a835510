import { createHash } from 'node:crypto';
import type { Request, Response } from 'restify';
import { sendError } from '../server/sendError';
import type { StoredResponse, TicketStore } from './ticketStore';

/** How long a request holds its key; a retry meanwhile is told to wait. A holder that died frees it after this. */
export const KEY_HOLD_MS = 60_000;

/** Printable ASCII without spaces, as helpdesks generate them (UUIDs, hashes, "ticket-123-reply-2"). */
const KEY_SHAPE = /^[\x21-\x7e]{1,200}$/;

export interface IdempotentRequest {
  store: Pick<TicketStore, 'claimRequest'>;
  ticketId: string;
  /** What the request asks for ("reply", its parsed body): the same key with another request is refused. */
  action: string;
  input: unknown;
}

/**
 * Runs `work` once per `Idempotency-Key` header of a ticket: a retry with the same key gets the
 * stored response (status and body, marked `Idempotent-Replayed: true`) and nothing is done again,
 * even after a restart. Without the header, `work` runs every time. `work` receives the key so the
 * response can be saved with the change it answers (see ticketActions.ts, Answer).
 */
export async function runOncePerKey(req: Request, res: Response, request: IdempotentRequest, work: (key: string | undefined) => Promise<StoredResponse>): Promise<void> {
  const header = req.headers['idempotency-key'];
  if (header === undefined) return send(res, await work(undefined));
  const key = Array.isArray(header) ? undefined : header.trim();
  if (key === undefined || !KEY_SHAPE.test(key)) {
    return sendError(res, 400, 'bad_request', 'Idempotency-Key must be one value of 1–200 printable characters without spaces, e.g. a UUID.');
  }
  const claim = await request.store.claimRequest(request.ticketId, key, fingerprint(request.action, request.input), KEY_HOLD_MS);
  switch (claim.state) {
    case 'answered':
      res.header('Idempotent-Replayed', 'true');
      return send(res, claim.response);
    case 'in-flight':
      res.header('Retry-After', String(Math.ceil(KEY_HOLD_MS / 1000)));
      return sendError(res, 409, 'request_in_progress', 'A request with this Idempotency-Key is still being handled; retry it later for its answer.');
    case 'mismatch':
      return sendError(res, 422, 'idempotency_key_reused', 'This Idempotency-Key was used for a different request on this ticket; use a new key for a new request.');
    case 'claimed':
      return send(res, await work(key));
  }
}

function send(res: Response, { status, body }: StoredResponse): void {
  res.header('Cache-Control', 'no-store');
  res.json(status, body);
}

/** Identifies a request without keeping what it said. */
function fingerprint(action: string, input: unknown): string {
  return `${action}:${createHash('sha256').update(JSON.stringify(input)).digest('base64url')}`;
}
