import pino, { type Logger } from 'pino';

export type { Logger };

/**
 * Structured logs. Candidates' words, names and emails are personal data: callers log ids,
 * topics and counts, never message text; the redaction list is a safety net, not the policy.
 */
export function createLogger(level: string, destination?: pino.DestinationStream): Logger {
  return pino(
    {
      level,
      base: undefined,
      redact: { paths: ['text', '*.text', 'email', '*.email', 'name', '*.name', 'userAgent', '*.userAgent'], censor: '[redacted]' },
    },
    destination,
  );
}
