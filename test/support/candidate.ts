import { randomUUID } from 'node:crypto';
import { activity, exchange, labelsOf, textOf, type ReceivedActivity } from './activities';

/** A candidate chatting with the bot over real HTTP, reading replies via expectReplies. */
export class Candidate {
  readonly conversationId: string;
  last: ReceivedActivity[] = [];

  constructor(
    private readonly baseUrl: string,
    conversationId = `conv-${randomUUID()}`,
    /** The channel's `activity.locale` on every activity, as Web Chat and Teams send it. */
    private readonly locale?: string,
  ) {
    this.conversationId = conversationId;
  }

  /** Opens the chat as the Emulator does: a conversationUpdate adding the candidate. */
  async opensChat(): Promise<ReceivedActivity[]> {
    return this.send({ type: 'conversationUpdate', membersAdded: [{ id: 'candidate-1' }, { id: 'bot' }] });
  }

  async says(text: string): Promise<ReceivedActivity[]> {
    return this.send({ type: 'message', text });
  }

  /** Clicks a suggested action shown in the last replies (imBack sends its value as text). */
  async clicks(label: string): Promise<ReceivedActivity[]> {
    const action = this.last.flatMap((r) => r.suggestedActions?.actions ?? []).find((a) => a.title === label);
    if (!action) throw new Error(`no button "${label}" in: ${JSON.stringify(labelsOf(this.last))}`);
    return this.says(String(action.value));
  }

  async send(fields: Record<string, unknown>): Promise<ReceivedActivity[]> {
    this.last = await exchange(this.baseUrl, activity(this.conversationId, { ...(this.locale && { locale: this.locale }), ...fields }));
    return this.last;
  }

  /**
   * Asks for a recruiter and files a ticket through the form: the five answers (the error only if
   * asked: a problem typed earlier already is), then the interview device as asked (type and
   * browser buttons). Returns the ticket number shown.
   */
  async filesTicket(answers: [name: string, email: string, position: string, company: string, error: string], device: [string, string] = ['Computer', 'Chrome']): Promise<string | undefined> {
    await this.says('talk to a recruiter');
    await this.clicks('Send the recruiter a ticket');
    for (const answer of answers.slice(0, 4)) await this.says(answer);
    if (/What happens when you click/i.test(this.text)) await this.says(answers[4]);
    await this.clicks(device[0]);
    await this.clicks(device[1]);
    await this.clicks('Send it');
    return /CS-\d{6,}/.exec(this.text)?.[0];
  }

  get text(): string {
    return textOf(this.last);
  }

  get buttons(): string[] {
    return labelsOf(this.last);
  }
}
