import type { Page } from 'playwright-core';
import { accessibilityViolations } from './support/axe';
import { CandidateChat } from './support/candidateChat';
import { screenshot } from './support/chromium';
import { useChromiumAndBot } from './support/useChromiumAndBot';

// What in-page callbacks read; the project compiles without the DOM library, on purpose.
declare const document: { activeElement: { getAttribute(name: string): string | null } | null };

/**
 * The chat page before (and without) Web Chat: the server puts the greeting, the topics and a
 * message box in the page, so a candidate on a slow phone can start at once; Web Chat takes over
 * when it's ready, and if it never comes the page's forms reach the bot anyway (the plain chat).
 */
const live = useChromiumAndBot();

const PHONE = { viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true };

/** Holds Web Chat's bundle back, as a slow connection would, until `release()`. */
async function holdWebChat(page: Page): Promise<{ release(): void }> {
  let release = () => {};
  const released = new Promise<void>((resolve) => (release = resolve));
  await page.route('**/webchat-minimal.js', async (route) => {
    await released;
    await route.fallback();
  });
  return { release };
}

/**
 * A phone that opens the page while Web Chat's bundle is held back, and waits for chat.js to have
 * caught the greeting's forms (a tap before that would go to the plain chat).
 */
async function openWhileWebChatLoads(): Promise<{ page: Page; release(): void }> {
  const watched = await live.context(PHONE);
  const page = await watched.newPage();
  const { release } = await holdWebChat(page);
  // Not "load": the page isn't loaded while Web Chat is held back.
  await page.goto(`${live.bot.url}/`, { waitUntil: 'commit' });
  await page.locator('html[data-chat="waiting"]').waitFor({ state: 'attached' });
  return { page, release };
}

function greetingTopic(page: Page, label: string) {
  return page.locator('#welcome').getByRole('button', { name: label, exact: true });
}

describe('a candidate on the chat page before Web Chat has loaded', () => {
  test('sees the greeting and the topics straight away, taps one, and Web Chat answers it once it is there', async () => {
    const { page, release } = await openWhileWebChatLoads();
    await greetingTopic(page, 'Page shows 404 / not found').tap();
    await expect(page.locator('#welcome .from-candidate').innerText()).resolves.toBe('Page shows 404 / not found');
    await expect(page.getByRole('status').innerText()).resolves.toMatch(/Starting the chat/);
    await screenshot(page, 'chat-before-webchat');
    expect(await accessibilityViolations(page)).toEqual([]);

    release();
    const chat = new CandidateChat(page);
    await chat.waitForText(/Hi! I help[\s\S]*Page shows 404 \/ not found[\s\S]*Ask the company for a new link/);
    await expect(page.locator('#welcome').isHidden()).resolves.toBe(true);
    await expect(page.getByRole('status').isHidden()).resolves.toBe(true);
    // The greeting was said once, by Web Chat; the click was sent once.
    await expect(chat.bubbles(/^Page shows 404 \/ not found$/).count()).resolves.toBe(1);
    await expect(chat.bubbles(/Hi! I help/).count()).resolves.toBe(1);
  });

  test('what they started typing moves into Web Chat\'s message box, with the keyboard still there', async () => {
    const { page, release } = await openWhileWebChatLoads();
    const box = page.getByRole('textbox', { name: 'Your message' });
    await box.fill('my camera shows a black screen');
    release();

    const chat = new CandidateChat(page);
    await chat.input.waitFor();
    await expect(chat.input.inputValue()).resolves.toBe('my camera shows a black screen');
    await expect(page.evaluate(() => document.activeElement?.getAttribute('aria-label'))).resolves.toBe('Message input box');
    await chat.input.press('Enter');
    await chat.waitForText(/camera/i, 1);
  });

  test('sends a message typed before Web Chat was ready, after the greeting, exactly once', async () => {
    const { page, release } = await openWhileWebChatLoads();
    const box = page.getByRole('textbox', { name: 'Your message' });
    await box.fill('the link says expired');
    await box.press('Enter');
    await expect(box.inputValue()).resolves.toBe('');
    release();

    const chat = new CandidateChat(page);
    await chat.waitForText(/Hi! I help[\s\S]*the link says expired[\s\S]*expired/i);
    await expect(chat.bubbles(/^the link says expired$/).count()).resolves.toBe(1);
  });

  test('impatient taps and typing while it loads: the first tap goes, the rest waits in Web Chat\'s box, nothing twice', async () => {
    const { page, release } = await openWhileWebChatLoads();

    await greetingTopic(page, 'Link expired or no longer valid').dblclick();
    // The others now say they're disabled (Playwright won't tap them); a thumb taps anyway.
    await greetingTopic(page, 'Page shows 404 / not found').tap({ force: true });
    const box = page.getByRole('textbox', { name: 'Your message' });
    await box.fill('hello??');
    await box.press('Enter');
    await expect(page.locator('#welcome .from-candidate').count()).resolves.toBe(1);
    await expect(greetingTopic(page, 'Page shows 404 / not found').getAttribute('aria-disabled')).resolves.toBe('true');
    release();

    const chat = new CandidateChat(page);
    await chat.waitForText(/Hi! I help[\s\S]*Link expired or no longer valid[\s\S]*pass this to the recruiter/);
    await expect(chat.input.inputValue()).resolves.toBe('hello??');
    await expect(chat.bubbles(/^Link expired or no longer valid$/).count()).resolves.toBe(1);
    await expect(chat.bubbles(/^Page shows 404/).count()).resolves.toBe(0);
  });

  test('Start over while it loads forgets the tap, and the topics work again', async () => {
    const { page, release } = await openWhileWebChatLoads();

    await greetingTopic(page, 'Resume or Start New?').tap();
    await page.getByRole('button', { name: 'Start over' }).tap();
    await expect(page.locator('#welcome .from-candidate').count()).resolves.toBe(0);
    await greetingTopic(page, 'Camera or microphone not working').tap();
    release();

    const chat = new CandidateChat(page);
    await chat.waitForText(/Hi! I help[\s\S]*Camera or microphone not working/);
    await expect(chat.bubbles(/^Resume or Start New\?$/).count()).resolves.toBe(0);
  });

  test('a tap that waits too long for Web Chat goes through the plain chat instead', async () => {
    const { page } = await openWhileWebChatLoads(); // never released: a connection that stalls

    await greetingTopic(page, 'Page shows 404 / not found').tap();
    const box = page.getByRole('textbox', { name: 'Your message' });
    await box.fill('and my camera is black');
    await box.press('Enter');
    await page.waitForURL(/\/chat\?lang=en$/, { timeout: 15_000 });
    await expect(page.locator('main').innerText()).resolves.toMatch(/Page shows 404 \/ not found[\s\S]*Ask the company for a new link/);
    // The second message wasn't sent; it waits in the box.
    await expect(page.getByRole('textbox', { name: 'Your message' }).inputValue()).resolves.toBe('and my camera is black');
  });

  test('a reload while Web Chat is slow waits for the conversation\'s history, never the first greeting', async () => {
    const watched = await live.context(PHONE);
    const chat = await CandidateChat.open(await watched.newPage(), live.bot.url);
    await chat.clicks('Page shows 404 / not found', /Ask the company for a new link/);
    const { release } = await holdWebChat(chat.page);
    await chat.page.reload({ waitUntil: 'commit' });
    await chat.page.waitForTimeout(9_000); // past the 8 s a waiting message is given
    await expect(chat.page.locator('#welcome').isHidden()).resolves.toBe(true);
    await expect(chat.page.getByRole('status').innerText()).resolves.toBe('Loading your conversation…');
    release();
    await chat.waitForText(/Page shows 404 \/ not found[\s\S]*Ask the company for a new link/);
    expect(new URL(chat.page.url()).pathname).toBe('/');
  }, 45_000);

  test('if Web Chat cannot load at all, the greeting\'s buttons and box still reach the bot', async () => {
    const watched = await live.context(PHONE);
    const page = await watched.newPage();
    await page.route('**/webchat-minimal.js', (route) => route.abort('failed'));
    await page.goto(`${live.bot.url}/`);

    await greetingTopic(page, 'Camera or microphone not working').tap();
    await page.waitForURL(/\/chat\?lang=en$/);
    await expect(page.locator('main').innerText()).resolves.toMatch(/Camera or microphone not working[\s\S]*(camera|microphone)/i);
    const box = page.getByRole('textbox', { name: 'Your message' });
    await box.fill('still black');
    await Promise.all([page.waitForNavigation(), box.press('Enter')]);
    await expect(page.locator('main .from-candidate').innerText()).resolves.toMatch(/still black/);
    // The one error: the bundle we blocked.
    expect(watched.errors.every((error) => /Failed to load resource/.test(error))).toBe(true);
    watched.errors.length = 0;
  });
});

describe('a candidate whose browser runs no script at all', () => {
  test('the greeting and the plain chat\'s pages pass axe\'s WCAG 2.2 A and AA rules, at 320 px too', async () => {
    for (const viewport of [{ width: 390, height: 844 }, { width: 320, height: 640 }]) {
      // axe itself needs script: the page's own scripts are emptied instead, so it stays as a browser without them sees it.
      const watched = await live.context({ ...PHONE, viewport });
      const page = await watched.newPage();
      await page.route('**/assets/*/*.js', (route) => route.fulfill({ contentType: 'text/javascript', body: '' }));
      await page.goto(`${live.bot.url}/?lang=de`);
      expect(await accessibilityViolations(page)).toEqual([]);
      await Promise.all([page.waitForNavigation(), greetingTopic(page, 'Kamera/Mikrofon geht nicht').tap()]);
      expect(await accessibilityViolations(page)).toEqual([]);
      await watched.close();
    }
  });

  test('taps a topic, reads the steps as a page, and answers with the buttons and the box', async () => {
    const watched = await live.context({ ...PHONE, javaScriptEnabled: false });
    const page = await watched.newPage();
    await page.goto(`${live.bot.url}/`);
    await greetingTopic(page, 'Page shows 404 / not found').tap();
    await page.waitForURL(/\/chat\?lang=en$/);
    await expect(page.locator('main').innerText()).resolves.toMatch(/Ask the company for a new link/);
    await screenshot(page, 'plain-chat-phone');

    await Promise.all([page.waitForNavigation(), page.getByRole('button', { name: "No, I'll write to them", exact: true }).tap()]);
    await expect(page.locator('main').innerText()).resolves.toMatch(/position you applied for/);
    await page.getByRole('textbox', { name: 'Your message' }).fill('Data analyst');
    await Promise.all([page.waitForNavigation(), page.getByRole('button', { name: 'Send', exact: true }).tap()]);
    await expect(page.locator('main .from-candidate').innerText()).resolves.toMatch(/Data analyst/);

    await Promise.all([page.waitForNavigation(), page.getByRole('button', { name: 'Start over' }).tap()]);
    await expect(page.locator('main').getByRole('button', { name: 'Page shows 404 / not found' }).isVisible()).resolves.toBe(true);
  });
});
