import { randomUUID } from 'node:crypto';
import { activity, exchange, labelsOf, textOf, type ReceivedActivity } from './activities';

/** A candidate chatting with the bot over real HTTP, reading replies via expectReplies. */
export class Candidate {
  readonly conversationId: string;
  last: ReceivedActivity[] = [];

  constructor(
    private readonly baseUrl: string,
    conversationId = `conv-${randomUUID()}`,
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
    this.last = await exchange(this.baseUrl, activity(this.conversationId, fields));
    return this.last;
  }

  get text(): string {
    return textOf(this.last);
  }

  get buttons(): string[] {
    return labelsOf(this.last);
  }
}
