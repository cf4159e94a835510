import { renderHtml, renderText, subjectLine } from '../renderTicket';
import type { TicketSink } from '../sink';
import { createSmtpTransport, describeSmtpError, domainOf } from '../smtp';
import type { Ticket } from '../ticket';
import { updateKey, updateText, type TicketUpdate } from '../ticketUpdate';

export interface EmailSinkOptions {
  /** smtp://user:pass@host:587 or smtps://…:465; query options as nodemailer documents them. */
  smtpUrl: string;
  to: string | string[];
  from: string;
  name?: string;
}

/**
 * Emails each ticket to the recruiters. A repeat keeps the same Message-ID, derived from the ticket
 * id, so mail clients and filters can tell it is the same ticket; an update answers that message,
 * so it lands in the ticket's thread.
 */
export function emailSink({ smtpUrl, to, from, name = 'email' }: EmailSinkOptions): TicketSink {
  const transport = createSmtpTransport(smtpUrl);
  const domain = domainOf(from);
  const ticketMessageId = (ticket: Ticket) => `<${ticket.id.toLowerCase()}.ticket@${domain}>`;

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
          messageId: ticketMessageId(ticket),
          headers: { 'X-Ticket-Id': ticket.id },
        });
      } catch (err) {
        throw describeSmtpError(err);
      }
    },
    async update(ticket: Ticket, update: TicketUpdate): Promise<void> {
      try {
        await transport.sendMail({
          from,
          to,
          subject: `Re: ${subjectLine(ticket)}`,
          text: updateText(ticket, update),
          messageId: `<${updateKey(ticket, update).toLowerCase().replaceAll(':', '.')}.update@${domain}>`,
          inReplyTo: ticketMessageId(ticket),
          references: [ticketMessageId(ticket)],
          headers: { 'X-Ticket-Id': ticket.id },
        });
      } catch (err) {
        throw describeSmtpError(err);
      }
    },
  };
}
