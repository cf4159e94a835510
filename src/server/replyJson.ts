import type { Response } from 'restify';

/**
 * res.json that returns nothing: restify warns about (and discards) a value returned from an
 * async handler, so handlers write `return replyJson(...)` to answer and stop in one line.
 */
export function replyJson(res: Response, status: number, body: unknown): void {
  res.json(status, body);
}
