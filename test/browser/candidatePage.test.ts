import { createDeviceProfiles } from '../../src/conversation/deviceProfiles';
import { conversationKey } from '../../src/conversation/turns';
import { openSqliteStore } from '../../src/storage/sqliteStore';
import { CandidateChat } from './support/candidateChat';
import { screenshot } from './support/chromium';
import { useChromiumAndBot } from './support/useChromiumAndBot';
import { textContrast } from './support/contrast';
import { accessibilityViolations } from './support/axe';
import { PHONE } from './support/phone';

// What in-page callbacks read; the project compiles without the DOM library, on purpose.
declare const document: {
  documentElement: { scrollWidth: number; lang: string };
  body: { scrollWidth: number };
  activeElement: { tagName: string; id: string; getAttribute(name: string): string | null; textContent: string | null } | null;
};
declare const window: { innerWidth: number; innerHeight: number };
declare const navigator: { userAgent: string };
declare function getComputedStyle(element: unknown): { outlineStyle: string; outlineWidth: string };

const live = useChromiumAndBot();

describe('a candidate on the chat page', () => {
  test('types a problem, reads the guide\'s action first, and a suggested action offers to pass it to the recruiter', async () => {
    const watched = await live.context({ viewport: { width: 1280, height: 800 } });
    const chat = await CandidateChat.open(await watched.newPage(), live.bot.url);
    await chat.says('my link says 404', /Ask the company for a new link[\s\S]*Want me to pass this to the recruiter now\?/);
    await expect(chat.suggestedAction('Yes, pass it on').isVisible()).resolves.toBe(true);

    await chat.clicks("No, I'll write to them", /position you applied for/);
    await screenshot(chat.page, 'chat-desktop-guidance');
  });

  test('on a phone, the chat fills the screen, wraps its buttons and never scrolls sideways', async () => {
    const watched = await live.context(PHONE);
    const chat = await CandidateChat.open(await watched.newPage(), live.bot.url);
    await chat.clicks('Page won\'t load / other error', /Did that help\?/, 'tap');

    const layout = await chat.page.evaluate(() => ({
      page: Math.max(document.documentElement.scrollWidth, document.body.scrollWidth),
      width: window.innerWidth,
      height: window.innerHeight,
    }));
    expect(layout.page).toBeLessThanOrEqual(layout.width);
    for (const control of [chat.input, chat.startOver, chat.suggestedAction('No, still stuck')]) {
      const box = (await control.boundingBox())!;
      expect(box.x).toBeGreaterThanOrEqual(0);
      expect(box.x + box.width).toBeLessThanOrEqual(layout.width);
      expect(box.y + box.height).toBeLessThanOrEqual(layout.height);
    }
    // Thumb-sized targets.
    expect((await chat.startOver.boundingBox())!.height).toBeGreaterThanOrEqual(44);
    expect((await chat.suggestedAction('No, still stuck').boundingBox())!.height).toBeGreaterThanOrEqual(44);
    await screenshot(chat.page, 'chat-phone');
  });

  test('with the keyboard alone: Tab reaches Start over, the suggested actions and the message box, with a visible focus', async () => {
    const watched = await live.context();
    const chat = await CandidateChat.open(await watched.newPage(), live.bot.url);
    const visited: string[] = [];
    let startOverOutline = '';
    for (let i = 0; i < 12 && !visited.includes('input:Message input box'); i++) {
      await chat.page.keyboard.press('Tab');
      const focused = await chat.page.evaluate(() => {
        const el = document.activeElement;
        if (!el) return { name: 'none', outline: '' };
        const style = getComputedStyle(el);
        const label = el.getAttribute('aria-label') ?? el.textContent?.trim().slice(0, 40) ?? '';
        return { name: `${el.tagName.toLowerCase()}:${label}`, outline: `${style.outlineStyle} ${style.outlineWidth}` };
      });
      visited.push(focused.name);
      if (focused.name === 'button:Start over') startOverOutline = focused.outline;
    }
    expect(visited[0]).toBe('button:Start over');
    expect(visited).toContain('button:Page shows 404 / not found');
    expect(visited).toContain('input:Message input box');
    expect(startOverOutline).toMatch(/^solid (\d+)px$/);
    expect(parseInt(startOverOutline.split(' ')[1]!, 10)).toBeGreaterThanOrEqual(2);

    // Typing and Enter from where Tab landed.
    const before = await chat.activityCount();
    await chat.page.keyboard.type('my link expired');
    await chat.page.keyboard.press('Enter');
    await chat.waitForText(/fresh link|expired/i, before);

    // Start over, reached with Shift+Tab and pressed with Enter, begins again.
    await chat.startOver.focus();
    const beforeRestart = await chat.activityCount();
    await chat.page.keyboard.press('Enter');
    await chat.waitForText(/What happens when you click your interview link\?/, beforeRestart);
    await screenshot(chat.page, 'chat-keyboard-start-over');
  });

  test('the page reads well to a screen reader and in contrast: language, heading, landmark, labels, 4.5:1 text', async () => {
    const watched = await live.context();
    const chat = await CandidateChat.open(await watched.newPage(), live.bot.url);
    await chat.says('my camera is not working', /Did that help\?|browser/i);
    const page = chat.page;

    expect(await page.evaluate(() => document.documentElement.lang)).toBe('en');
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toMatch(/interview link/i);
    expect(await page.getByRole('main', { name: /chat/i }).count()).toBe(1);
    expect(await chat.input.count()).toBe(1);
    expect(await page.getByRole('toolbar', { name: 'Suggested actions' }).count()).toBe(1);

    const contrasts = {
      startOver: await textContrast(chat.startOver),
      heading: await textContrast(page.getByRole('heading', { level: 1 })),
      botText: await textContrast(page.locator('.webchat__bubble:not(.webchat__bubble--from-user) .webchat__bubble__content p').first()),
      candidateText: await textContrast(page.locator('.webchat__bubble--from-user .webchat__bubble__content p').first()),
      suggestedAction: await textContrast(page.locator('.webchat__suggested-action__text').first()),
      placeholder: await textContrast(chat.input, '::placeholder'),
      typedText: await textContrast(chat.input),
      timestamp: await textContrast(page.locator('.webchat__activity-status').first()),
    };
    for (const [what, ratio] of Object.entries(contrasts)) {
      expect({ what, enough: ratio >= 4.5, ratio: ratio.toFixed(2) }).toEqual({ what, enough: true, ratio: ratio.toFixed(2) });
    }
    // Web Chat's own markup included (its aria-labelledby on a plain div is only "needs review" for axe).
    expect(await accessibilityViolations(page)).toEqual([]);
  });

  test('a reload keeps the conversation and shows its history, without greeting again', async () => {
    const watched = await live.context();
    const chat = await CandidateChat.open(await watched.newPage(), live.bot.url);
    await chat.says('my link says 404', /Want me to pass this to the recruiter now\?/);
    const conversationId = await chat.conversationId();

    await chat.page.reload();
    await chat.waitForText(/my link says 404[\s\S]*mistyped or copied incorrectly[\s\S]*Want me to pass this to the recruiter now\?/);
    expect(await chat.conversationId()).toBe(conversationId);
    await chat.says('no', /new link/);
    expect(await chat.bubbles(/Hi! I help when your video interview link/).count()).toBe(1);
    expect(await chat.bubbles(/^\s*my link says 404\s*$/).count()).toBe(1);
    await screenshot(chat.page, 'chat-after-reload');
  });

  test('a reload after the chat service forgot the conversation (a restart) starts a fresh one instead of failing', async () => {
    const watched = await live.context();
    const chat = await CandidateChat.open(await watched.newPage(), live.bot.url);
    const forgotten = await chat.conversationId();
    live.bot.app.webChat.localDirectLine!.conversations.clear();

    await chat.page.reload();
    await chat.suggestedAction('Page shows 404 / not found').waitFor();
    expect(await chat.conversationId()).not.toBe(forgotten);
    // The refused reconnect (403) is logged by the browser and Web Chat; from here on, no errors.
    expect(watched.errors.some((error) => error.includes('403'))).toBe(true);
    watched.errors.length = 0;
    await chat.says('my link says 404', /Want me to pass this to the recruiter now\?/);
  });

  test('the bot learns the browser from the page\'s join event: Chromium\'s own user agent and client hints', async () => {
    const watched = await live.context();
    const chat = await CandidateChat.open(await watched.newPage(), live.bot.url);
    const userAgent = await chat.page.evaluate(() => navigator.userAgent);
    const key = conversationKey('webchat', await chat.conversationId());

    const store = openSqliteStore(live.bot.dataDir);
    try {
      const devices = createDeviceProfiles(store);
      const profile = await eventuallyAsync(() => devices.profile(key));
      expect(profile).toMatchObject({ source: 'webchat', userAgent, os: 'linux', locale: 'en-US' });
      expect(profile.clientHints?.platform).toBe('Linux');
    } finally {
      store.close();
    }
  });

  test('a candidate who needs the recruiter fills in the form and gets a ticket number', async () => {
    const watched = await live.context();
    const chat = await CandidateChat.open(await watched.newPage(), live.bot.url);
    await chat.says('talk to a recruiter', /ticket/i);
    await chat.clicks('Send the recruiter a ticket', /name/i);
    await chat.says('Ada Lovelace', /email/i);
    await chat.says('ada.lovelace@example.com', /position|job/i);
    await chat.says('Data Analyst', /company/i);
    await chat.says('Acme Corp', /error|happens|message/i);
    await chat.says('Oops! Something went wrong (code 0x5F)', /Linux|Chrome|device/i);
    await chat.clicks('Yes', /Ada Lovelace/);
    const before = await chat.activityCount();
    await chat.suggestedAction('Send it').click();
    await chat.waitForText(/CS-\d{6,}/, before);

    const ticketId = /CS-\d{6,}/.exec(await chat.transcript())![0];
    const ticket = await live.bot.app.tickets.get(ticketId);
    expect(JSON.stringify(ticket)).toContain('Data Analyst');
    await screenshot(chat.page, 'chat-ticket-number');
  });
});

/** Polls an async lookup until it yields a value. */
async function eventuallyAsync<T>(lookup: () => Promise<T | undefined>, ms = 10_000): Promise<T> {
  const until = Date.now() + ms;
  for (;;) {
    const value = await lookup();
    if (value !== undefined) return value;
    if (Date.now() > until) throw new Error('timed out waiting for the device profile');
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
