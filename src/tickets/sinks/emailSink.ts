import nodemailer from 'nodemailer';
import SMTPTransport from 'nodemailer/lib/smtp-transport';
import { renderHtml, renderText, subjectLine } from '../renderTicket';
import { SinkError, type FailureKind, type TicketSink } from '../sink';
import type { Ticket } from '../ticket';

export interface EmailSinkOptions {
  /** smtp://user:pass@host:587 or smtps://…:465; query options as nodemailer documents them. */
  smtpUrl: string;
  to: string | string[];
  from: string;
  name?: string;
}

// nodemailer's own defaults wait minutes; an outbox claim lasts a minute.
const SMTP_TIMEOUTS = { connectionTimeout: 15_000, greetingTimeout: 15_000, socketTimeout: 30_000 };

/**
 * Emails each ticket to the recruiters. A repeat keeps the same Message-ID, derived from the ticket
 * id, so mail clients and filters can tell it is the same ticket.
 */
export function emailSink({ smtpUrl, to, from, name = 'email' }: EmailSinkOptions): TicketSink {
  // Through SMTPTransport, because createTransport ignores other options when given a URL.
  const transport = nodemailer.createTransport(new SMTPTransport({ ...SMTP_TIMEOUTS, url: smtpUrl }));
  const domain = domainOf(from);

  return {
    name,
    async deliver(ticket: Ticket): Promise<void> {
      try {
        await transport.sendMail({
          from,
          to,
          subject: subjectLine(ticket),
          text: renderText(ticket),
          html: renderHtml(ticket),
          messageId: `<${ticket.id.toLowerCase()}.ticket@${domain}>`,
          headers: { 'X-Ticket-Id': ticket.id },
        });
      } catch (err) {
        throw describeSmtpError(err);
      }
    },
  };
}

/** Only the error code and SMTP status are kept: a server's reply text can quote addresses. */
function describeSmtpError(err: unknown): SinkError {
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
function domainOf(address: string): string {
  const match = /@([^\s>]+)>?\s*$/.exec(address);
  return match?.[1] ?? 'tickets.invalid';
}
