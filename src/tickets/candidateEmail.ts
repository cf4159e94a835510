import type { CandidateEmail } from './candidateMessage';
import { createSmtpTransport, describeSmtpError, domainOf } from './smtp';

export interface CandidateEmailerOptions {
  smtpUrl: string;
  /** TICKET_EMAIL_FROM: the address tickets already come from. */
  from: string;
  /** TICKET_EMAIL_TO: where the candidate's answer goes when they reply to the email. */
  replyTo?: string | string[];
}

/** Sends a recruiter's reply to the candidate's address; rejects with a SinkError naming only the failure. */
export function candidateEmailer({ smtpUrl, from, replyTo }: CandidateEmailerOptions): (mail: CandidateEmail) => Promise<void> {
  const transport = createSmtpTransport(smtpUrl);
  const domain = domainOf(from);
  return async function emailCandidate(mail: CandidateEmail): Promise<void> {
    try {
      await transport.sendMail({
        from,
        to: mail.to,
        replyTo,
        subject: mail.subject,
        text: mail.text,
        messageId: `<${mail.messageId}@${domain}>`,
        headers: { 'X-Ticket-Id': mail.ticketId },
      });
    } catch (err) {
      throw describeSmtpError(err);
    }
  };
}
