/** A Direct Line activity as the page reads it. */
export interface DirectLineActivity {
  id: string;
  type: string;
  text?: string;
  textFormat?: string;
  from: { id: string; name?: string; role?: string };
  suggestedActions?: { actions: { title: string; value?: unknown }[] };
  [field: string]: unknown;
}

/**
 * A candidate on the bot's own page: Web Chat talking to the local Direct Line over real HTTP, as
 * DirectLineJS does (start a conversation, post activities, poll from a watermark). A post returns
 * once the bot has handled it, so its replies are there to read.
 */
export class WebChatCandidate {
  private watermark = '';
  /** Everything the page has received, in order. */
  readonly seen: DirectLineActivity[] = [];
  last: DirectLineActivity[] = [];

  private constructor(
    private readonly baseUrl: string,
    readonly conversationId: string,
    private readonly token: string,
  ) {}

  static async opensPage(baseUrl: string): Promise<WebChatCandidate> {
    const response = await fetch(`${baseUrl}/v3/directline/conversations`, { method: 'POST' });
    if (response.status !== 201) throw new Error(`starting a conversation answered ${response.status}`);
    const { conversationId, token } = (await response.json()) as { conversationId: string; token: string };
    const candidate = new WebChatCandidate(baseUrl, conversationId, token);
    // As the page does once connected: the join event (its device and language), which the bot greets.
    await candidate.post({ type: 'event', name: 'webchat/join', value: {}, locale: 'en-US', from: { id: 'page' } }, 'the join event');
    await candidate.waitFor((activities) => activities.some((a) => a.from.role === 'bot'));
    return candidate;
  }

  async says(text: string): Promise<DirectLineActivity[]> {
    await this.post({ type: 'message', text, from: { id: 'page' } }, `"${text}"`);
    this.last = (await this.read()).filter((a) => a.from.role === 'bot');
    return this.last;
  }

  private async post(activity: Record<string, unknown>, what: string): Promise<void> {
    const response = await fetch(`${this.baseUrl}/v3/directline/conversations/${this.conversationId}/activities`, {
      method: 'POST',
      headers: { authorization: `Bearer ${this.token}`, 'content-type': 'application/json' },
      body: JSON.stringify(activity),
    });
    if (response.status !== 200) throw new Error(`posting ${what} answered ${response.status}`);
  }

  /** What arrived since the last read. */
  async read(): Promise<DirectLineActivity[]> {
    const response = await fetch(`${this.baseUrl}/v3/directline/conversations/${this.conversationId}/activities?watermark=${this.watermark}`, {
      headers: { authorization: `Bearer ${this.token}` },
    });
    const { activities, watermark } = (await response.json()) as { activities: DirectLineActivity[]; watermark: string };
    this.watermark = watermark;
    this.seen.push(...activities);
    return activities;
  }

  /** Polls until `done` holds for everything seen (or fails after `ms`). */
  async waitFor(done: (seen: DirectLineActivity[]) => boolean, ms = 10_000): Promise<DirectLineActivity[]> {
    const until = Date.now() + ms;
    for (;;) {
      await this.read();
      if (done(this.seen)) return this.seen;
      if (Date.now() > until) throw new Error(`the page got only ${JSON.stringify(this.seen.map((a) => a.text ?? a.type))}`);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }

  /** Asks for a recruiter and files a ticket through the form; returns the ticket number shown. */
  async filesTicket(answers: [name: string, email: string, position: string, company: string, error: string]): Promise<string> {
    await this.says('my interview link expired');
    await this.says('talk to a recruiter');
    await this.says('Send the recruiter a ticket');
    for (const answer of answers) await this.says(answer);
    while (!this.buttons.includes('Send it')) {
      const next = ['Computer', 'Chrome', 'No'].find((label) => this.buttons.includes(label));
      if (!next) throw new Error(`unexpected form step: ${this.text} ${JSON.stringify(this.buttons)}`);
      await this.says(next);
    }
    await this.says('Send it');
    const id = /CS-\d{6,}/.exec(this.text)?.[0];
    if (!id) throw new Error(`no ticket number in: ${this.text}`);
    return id;
  }

  get text(): string {
    return this.last.map((a) => a.text ?? '').join('\n');
  }

  get buttons(): string[] {
    return this.last.flatMap((a) => a.suggestedActions?.actions.map((action) => action.title) ?? []);
  }
}
