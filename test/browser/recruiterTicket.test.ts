import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { guidanceGiven } from '../../src/conversation/guidanceGiven';
import { loadFlow } from '../../src/flow';
import { startSmtpReceiver } from '../../src/tickets/fixtures/smtpReceiver';
import { aDraft } from '../../src/tickets/fixtures/drafts';
import { emailSink } from '../../src/tickets/sinks/emailSink';
import { ticketActivity } from '../../src/tickets/sinks/ticketCard';
import { Ticket } from '../../src/tickets/ticket';
import { accessibilityViolations } from './support/axe';
import { launchChromium, screenshot, watchedContext, type WatchedContext } from './support/chromium';

/**
 * A ticket as the recruiter sees it: the email as a mail client's browser shows it, and the Teams card
 * drawn by the Adaptive Cards renderer. The ticket is what the bot opens after a 404 that re-copying
 * the link and asking for a new one did not fix, from a candidate on an iPhone, whose name is a
 * Markdown link (so the card must not turn it into one).
 */
const flow = loadFlow(join(__dirname, '../../flows'));
const DEVICE = 'Safari on iPhone (iOS 17.5)';
const ticket = Ticket.parse({
  ...aDraft({
    topic: 'link-not-found',
    topicLabel: flow.topics.get('link-not-found')!.label,
    candidate: { name: 'Priya Shah', email: 'priya.shah@example.org' },
    job: { position: 'Marketing Manager', company: 'Globex!' },
    errorText: 'Error 404 (page not found) *after* I click the link',
    device: { summary: DEVICE },
    transcript: [
      { from: 'candidate', text: 'my link says 404', at: '2025-07-01T16:20:00.000Z' },
      { from: 'bot', text: 'First, rule out a typo: copy the **whole** link.', at: '2025-07-01T16:20:01.000Z' },
    ],
    ...guidanceGiven(flow, 'link-not-found', ['link-not-found/ask-new-link', 'link-not-found/check-typo', 'contact-recruiter/details'], DEVICE),
  }),
  id: 'CS-000123',
  createdAt: '2025-07-01T16:30:00.000Z',
});
const SUMMARY =
  'Priya Shah (Marketing Manager, Globex!) gets a 404 (not found) page on their interview link, using Safari on iPhone (iOS 17.5); already tried: asking the company for a new link and re-copying the whole link from the invitation.';

/** What a recruiter could mistake for the ticket's content: Markdown markers and backslash escapes. */
const RAW_MARKUP = /\*\*|\\[()!*_[\]#<>.-]/;

let browser: Browser;
let watched: WatchedContext;
let page: Page;

beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});
beforeEach(async () => {
  watched = await watchedContext(browser, { viewport: { width: 900, height: 1200 } });
  page = await watched.newPage();
});
afterEach(async () => {
  const { external, errors } = watched;
  await watched.close();
  expect(external).toEqual([]);
  expect(errors).toEqual([]);
});

describe('the ticket email, as the recruiter’s mail client shows it', () => {
  let smtp: Awaited<ReturnType<typeof startSmtpReceiver>>;
  beforeAll(async () => {
    smtp = await startSmtpReceiver();
    await emailSink({ smtpUrl: smtp.url, to: 'recruiting@globex.example', from: 'tickets@bot.example' }).deliver(ticket);
  });
  afterAll(() => smtp.close());

  test('the first line is the summary sentence, then the suggested action and the steps tried as short labels', async () => {
    await page.setContent(smtp.messages[0]!.mail.html as string);
    const lines = (await page.locator('body').innerText()).split('\n').filter((line) => line.trim() !== '');
    await screenshot(page, 'ticket-email');
    expect(lines.slice(0, 5)).toEqual([
      SUMMARY,
      'Suggested action: Send a new interview link.',
      'Already tried:',
      'asking the company for a new link',
      're-copying the whole link from the invitation',
    ]);
  });

  test('no Markdown or escapes anywhere, and the full advice below shows its steps as a list', async () => {
    await page.setContent(smtp.messages[0]!.mail.html as string);
    const text = await page.locator('body').innerText();
    expect(text).not.toMatch(RAW_MARKUP);
    expect(await page.locator('ol > li').first().locator('li').allInnerTexts()).toEqual([
      'Reply to the invitation email, or use the contact info in the job posting.',
      'Say the link returns a 404 error and you need an updated interview link.',
    ]);
    // The candidate's words stay exactly as typed, stars included: they were never Markdown.
    expect(text).toContain('Error 404 (page not found) *after* I click the link');
    expect(text).toContain('First, rule out a typo: copy the whole link.');
  });

  test('the plain-text part opens with the same sentence and has no Markdown either', () => {
    const text = smtp.messages[0]!.mail.text!;
    expect(text.split('\n')[0]).toBe(SUMMARY);
    expect(text.replace('*after*', 'after')).not.toMatch(RAW_MARKUP);
  });
});

describe('the Teams card, as the Adaptive Cards renderer draws it', () => {
  /**
   * Draws the card in the page and returns what a recruiter reads and how many links it has. With
   * `markdown`, TextBlocks go through markdown-it, as Teams renders them; without, they show as written.
   */
  async function renderCard(card: unknown, markdown: boolean): Promise<{ text: string; links: number }> {
    await page.setContent('<!doctype html><html lang="en"><head><title>Ticket card</title></head><body><div id="card"></div></body></html>');
    await page.addScriptTag({ path: require.resolve('adaptivecards/dist/adaptivecards.min.js') });
    if (markdown) await page.addScriptTag({ path: require.resolve('markdown-it/dist/markdown-it.min.js') });
    return page.evaluate(
      ({ card, markdown }) => {
        const { AdaptiveCards, markdownit } = window;
        if (markdown && markdownit) {
          const md = markdownit();
          AdaptiveCards.AdaptiveCard.onProcessMarkdown = (text, result) => {
            result.outputHtml = md.render(text);
            result.didProcess = true;
          };
        }
        const adaptiveCard = new AdaptiveCards.AdaptiveCard();
        adaptiveCard.parse(card);
        const root = document.getElementById('card');
        root.appendChild(adaptiveCard.render());
        return { text: root.innerText, links: root.querySelectorAll('a').length };
      },
      { card, markdown },
    );
  }

  test.each([
    ['as written', false],
    ['with Markdown processing, as Teams does', true],
  ])('the summary sentence comes first and nothing shows an escape or a marker (%s)', async (_name, markdown) => {
    const { text } = await renderCard(ticketActivity(ticket).attachments[0]!.content, markdown);
    if (!markdown) await screenshot(page, 'ticket-card');
    const lines = text.split('\n').filter((line) => line.trim() !== '');
    expect(lines.slice(0, 5)).toEqual([
      SUMMARY,
      'Suggested action: Send a new interview link.',
      'Already tried:',
      '• asking the company for a new link',
      '• re-copying the whole link from the invitation',
    ]);
    expect(text).toContain(`Device: ${DEVICE}`);
    expect(text.replace('*after*', 'after')).not.toMatch(RAW_MARKUP);
  });

  test('below the details, where the ticket stands and the four buttons a recruiter can press', async () => {
    const { text } = await renderCard(ticketActivity(ticket).attachments[0]!.content, false);
    const lines = text.split('\n').map((line) => line.trim()).filter((line) => line !== '');
    expect(lines.slice(-6)).toEqual(['Status: open', 'Taken by: nobody yet', "I'll take it", 'Reply to candidate', 'Send a new link', 'Mark resolved']);
  });

  test("the card as drawn passes axe's WCAG 2.2 A and AA rules: its text, facts and four buttons", async () => {
    await renderCard(ticketActivity(ticket).attachments[0]!.content, true);
    expect(await accessibilityViolations(page)).toEqual([]);
  });

  test('a Markdown link typed as a name shows as typed, never as a link', async () => {
    const hostile = Ticket.parse({ ...ticket, candidate: { name: '[Reset your password](https://evil.example)', email: 'x@example.org' } });
    const { text, links } = await renderCard(ticketActivity(hostile).attachments[0]!.content, true);
    expect(links).toBe(0);
    expect(text).toContain('Candidate: [Reset your password](https://evil.example)');
  });
});

// What the in-page callback uses; the project compiles without the DOM library, on purpose.
interface CardRoot {
  innerText: string;
  appendChild(child: unknown): void;
  querySelectorAll(selector: string): { length: number };
}
declare const document: { getElementById(id: string): CardRoot };
declare const window: {
  AdaptiveCards: {
    AdaptiveCard: {
      new (): { parse(card: unknown): void; render(): unknown };
      onProcessMarkdown?: (text: string, result: { didProcess: boolean; outputHtml?: string }) => void;
    };
  };
  markdownit?: () => { render(text: string): string };
};
