import type { Response } from 'restify';

/**
 * The one JSON error body of every HTTP endpoint: a stable code for programs (`error`), a sentence
 * for people (`message`), and, when a request had several things wrong, each of them (`problems`).
 */
export interface ErrorBody {
  error: string;
  message: string;
  problems?: string[];
}

export function errorBody(error: string, message: string, problems?: string[]): ErrorBody {
  return problems === undefined ? { error, message } : { error, message, problems };
}

/** Answers with the error body and returns nothing, so a handler can `return sendError(...)` (see replyJson.ts). */
export function sendError(res: Response, status: number, error: string, message: string, problems?: string[]): void {
  res.json(status, errorBody(error, message, problems));
}

/**
 * restify's own refusals (unparseable JSON, a body over the limit, an unknown route or method)
 * serialise through `toJSON`; this gives them the same shape as the bot's own errors.
 */
export function asErrorBody(err: Error & { code?: string; body?: { code?: string } }): ErrorBody {
  const code = err.body?.code ?? err.code ?? err.name.replace(/Error$/, '');
  return errorBody(code, err.message || code);
}
