import nodemailer from 'nodemailer';
import SMTPTransport from 'nodemailer/lib/smtp-transport';
import { SinkError, type FailureKind } from './sink';

// nodemailer's own defaults wait minutes; an outbox claim lasts a minute.
const SMTP_TIMEOUTS = { connectionTimeout: 15_000, greetingTimeout: 15_000, socketTimeout: 30_000 };

/** The one way mail leaves the bot: tickets to recruiters, recruiters' replies to candidates. */
export function createSmtpTransport(smtpUrl: string) {
  // Through SMTPTransport, because createTransport ignores other options when given a URL.
  return nodemailer.createTransport(new SMTPTransport({ ...SMTP_TIMEOUTS, url: smtpUrl }));
}

/** Only the error code and SMTP status are kept: a server's reply text can quote addresses. */
export function describeSmtpError(err: unknown): SinkError {
  const { code, responseCode } = (err ?? {}) as { code?: unknown; responseCode?: unknown };
  const label = typeof code === 'string' ? code : err instanceof Error ? err.name : 'error';
  const status = typeof responseCode === 'number' ? responseCode : undefined;
  // 5xx replies and refused credentials repeat until someone fixes the configuration; 4xx is "later".
  const kind: FailureKind = label === 'EAUTH' || (status !== undefined && status >= 500) ? 'permanent' : 'transient';
  return new SinkError(`sending the email failed (${label}${status === undefined ? '' : ` ${status}`})`, {
    code: status === undefined ? label : `smtp_${status}`,
    kind,
    status,
    cause: err,
  });
}

/** The domain for Message-IDs: the sender's, so they are unique to this deployment. */
export function domainOf(address: string): string {
  const match = /@([^\s>]+)>?\s*$/.exec(address);
  return match?.[1] ?? 'tickets.invalid';
}
