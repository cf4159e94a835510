import type { Locator, Page } from 'playwright-core';

const ACTIVITY = 'article.webchat__basic-transcript__activity';

// What the in-page callbacks use; the project compiles without the DOM library, on purpose.
declare const document: { querySelectorAll(selector: string): ArrayLike<{ innerText: string }> };
declare const sessionStorage: { getItem(key: string): string | null };

/** The candidate page as a candidate uses it: read the chat, type, click suggested actions. */
export class CandidateChat {
  constructor(readonly page: Page) {}

  /** Opens the page and waits for the bot's welcome menu. */
  static async open(page: Page, baseUrl: string): Promise<CandidateChat> {
    await page.goto(`${baseUrl}/`);
    const chat = new CandidateChat(page);
    await chat.suggestedAction('Page shows 404 / not found').waitFor();
    return chat;
  }

  get input(): Locator {
    return this.page.getByRole('textbox', { name: 'Message input box' });
  }

  get startOver(): Locator {
    return this.page.getByRole('button', { name: 'Start over' });
  }

  /** A button in Web Chat's suggested-actions toolbar, the way a screen reader finds it. */
  suggestedAction(label: string): Locator {
    return this.page.getByRole('toolbar', { name: 'Suggested actions' }).getByRole('button', { name: label, exact: true });
  }

  /** Message bubbles (the bot's and the candidate's) whose text matches. */
  bubbles(text: RegExp): Locator {
    return this.page.locator('.webchat__bubble__content', { hasText: text });
  }

  async activityCount(): Promise<number> {
    return this.page.locator(ACTIVITY).count();
  }

  /** Waits until the activities after the first `from` show text matching `pattern`. */
  async waitForText(pattern: RegExp, from = 0, timeout = 10_000): Promise<void> {
    await this.page.waitForFunction(
      ([selector, source, flags, skip]) => {
        const items = Array.from(document.querySelectorAll(selector as string)).slice(skip as number);
        return new RegExp(source as string, flags as string).test(items.map((item) => item.innerText).join('\n'));
      },
      [ACTIVITY, pattern.source, pattern.flags, from] as const,
      { timeout },
    );
  }

  /** Types a message, sends it with Enter, and waits for the bot's answer to match `reply`. */
  async says(text: string, reply: RegExp): Promise<void> {
    const before = await this.activityCount();
    await this.input.fill(text);
    await this.input.press('Enter');
    await this.waitForText(reply, before);
  }

  /** Clicks (or taps) a suggested action and waits for the bot's answer to match `reply`. */
  async clicks(label: string, reply: RegExp, how: 'click' | 'tap' = 'click'): Promise<void> {
    const before = await this.activityCount();
    await this.suggestedAction(label)[how]();
    await this.waitForText(reply, before);
  }

  /** The whole transcript as the candidate reads it. */
  async transcript(): Promise<string> {
    return this.page.locator('.webchat__basic-transcript__transcript').innerText();
  }

  /** The Direct Line conversation this tab is in (kept for reloads). */
  async conversationId(): Promise<string> {
    const saved = await this.page.evaluate(() => sessionStorage.getItem('interview-help/session'));
    const id = saved ? (JSON.parse(saved) as { conversationId?: string }).conversationId : undefined;
    if (!id) throw new Error('the page has not saved its conversation');
    return id;
  }
}
