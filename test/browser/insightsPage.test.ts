import type { Page } from 'playwright-core';
import { Candidate } from '../support/candidate';
import { accessibilityViolations } from './support/axe';
import { screenshot, type WatchedContext } from './support/chromium';
import { useChromiumAndBot } from './support/useChromiumAndBot';
import { textContrast } from './support/contrast';
import { PHONE_320 } from './support/phone';

// What in-page callbacks read; the project compiles without the DOM library, on purpose.
declare const document: {
  documentElement: { scrollWidth: number; lang: string };
  body: { scrollWidth: number };
  activeElement: { tagName: string; id: string; getAttribute(name: string): string | null; textContent: string | null } | null;
  querySelectorAll(selector: string): ArrayLike<{ tagName: string; offsetParent: unknown }>;
};
declare const window: { innerWidth: number; innerHeight: number };
declare const localStorage: { length: number };
declare function getComputedStyle(element: unknown): { outlineStyle: string; outlineWidth: string };

const TOKEN = 'an-operators-insights-token-0123456789';

const live = useChromiumAndBot([], { TICKETS_API_TOKEN: TOKEN });

/** Opens /insights, noting every URL the page asks for; enters the token when given. */
async function openInsights(watched: WatchedContext, token?: string): Promise<{ page: Page; requested: string[] }> {
  const page = await watched.newPage();
  const requested: string[] = [];
  page.on('request', (request) => requested.push(request.url()));
  await page.goto(`${live.bot.url}/insights`);
  if (token !== undefined) await signIn(page, token);
  return { page, requested };
}

async function signIn(page: Page, token: string): Promise<void> {
  await page.getByLabel('Tickets API token').fill(token);
  await page.getByRole('button', { name: 'Show insights' }).click();
}

describe('an operator on the insights page, before any conversation', () => {
  test('enters the token once and reads "No conversations in this period yet", with no chart', async () => {
    const watched = await live.context();
    const { page, requested } = await openInsights(watched, TOKEN);
    await page.getByText('No conversations in this period yet').waitFor();
    expect(await page.locator('#chart canvas').count()).toBe(0);
    expect(await page.getByRole('heading', { name: 'Outcomes' }).isVisible()).toBe(false);
    expect(requested.some((url) => url.includes('/api/insights?since=30d'))).toBe(true);
    expect([page.url(), ...requested].filter((url) => url.includes(TOKEN))).toEqual([]);
    await screenshot(page, 'insights-empty');
  });

  test("the token form passes axe's WCAG 2.2 A and AA rules, on arrival and after a wrong token", async () => {
    const watched = await live.context();
    const { page } = await openInsights(watched);
    await page.getByLabel('Tickets API token').waitFor();
    expect(await accessibilityViolations(page)).toEqual([]);
    await signIn(page, 'not-the-token-0123456789');
    await page.getByRole('alert').getByText(/not accepted/).waitFor();
    expect(await accessibilityViolations(page)).toEqual([]);
    expect(watched.errors.every((error) => error.includes('401'))).toBe(true);
    watched.errors.length = 0;
  });

  test('a wrong token: a clear message, and the page asks again', async () => {
    const watched = await live.context();
    const { page, requested } = await openInsights(watched, 'not-the-token-0123456789');
    await page.getByRole('alert').getByText(/not accepted/).waitFor();
    expect(await page.getByLabel('Tickets API token').isVisible()).toBe(true);
    expect(await page.getByLabel('Tickets API token').inputValue()).toBe('');
    // The refused request is logged by the browser; nothing else went wrong.
    expect(watched.errors.every((error) => error.includes('401'))).toBe(true);
    watched.errors.length = 0;
    await signIn(page, TOKEN);
    await page.getByText('No conversations in this period yet').waitFor();
    expect(requested.filter((url) => url.includes('not-the-token') || url.includes(TOKEN))).toEqual([]);
  });
});

describe('an operator on the insights page, after a few conversations', () => {
  beforeAll(async () => {
    const resolved = new Candidate(live.bot.url);
    await resolved.says("the interview page won't load");
    await resolved.says('yes that worked, thanks');
    await resolved.clicks('5');
    const self = new Candidate(live.bot.url);
    await self.says('my link expired');
    await self.says("no, I'll write to them myself");
    await new Candidate(live.bot.url).says('blorp zzkq frobnicate');
    // The events are kept after each turn is answered: wait until the three are in.
    for (let tries = 0; ; tries++) {
      const report = (await (await fetch(`${live.bot.url}/api/insights`, { headers: { authorization: `Bearer ${TOKEN}` } })).json()) as { conversations: number; csat: { responses: number } };
      if (report.conversations >= 3 && report.csat.responses >= 1) break;
      if (tries > 100) throw new Error('the conversations were never all recorded');
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  });

  test('reads the headline numbers, CSAT, the chart and its table, the topics step by step and the unplaced message; the token never in a URL', async () => {
    const watched = await live.context({ viewport: { width: 1280, height: 900 } });
    const { page, requested } = await openInsights(watched, TOKEN);
    await page.getByRole('heading', { name: 'Outcomes' }).waitFor();

    const card = (label: string) => page.locator('.card', { has: page.locator('dt', { hasText: new RegExp(`^${label}$`) }) });
    expect(await card('Sessions').locator('.number').textContent()).toBe('3');
    expect(await card('Engaged').locator('.number').textContent()).toBe('3');
    expect(await card('Resolved, confirmed').textContent()).toMatch(/1\s*33% of engaged/);
    expect(await card('Escalated, writing themselves').textContent()).toMatch(/1\s*33% of engaged/);
    expect(await page.locator('#csat-summary').textContent()).toBe('1 answer, average 5.0 of 5.');

    // The chart is drawn, and the same numbers are a table.
    await page.locator('#chart canvas').waitFor();
    expect(await page.locator('#chart canvas').count()).toBe(1);
    await page.getByText('The outcome rates as a table').click();
    const today = new Date().toISOString().slice(0, 10);
    expect(await page.getByRole('table', { name: /Outcome rates per day/ }).getByRole('row', { name: new RegExp(today) }).textContent()).toMatch(/33%/);

    // The most used topics, with their steps and where sessions went.
    expect(await page.locator('#funnels h3').count()).toBeGreaterThanOrEqual(1);
    expect(await page.locator('#funnels table').first().textContent()).toMatch(/Where sessions went next/);
    expect(await page.locator('#unrecognised').textContent()).toMatch(/blorp zzkq frobnicate/);

    // Another period: read again with the token kept in the tab, not asked for again.
    await page.getByLabel(/Sessions that started in the/).selectOption('7d');
    await page.waitForResponse((response) => response.url().includes('/api/insights?since=7d'));
    await page.getByRole('heading', { name: 'Outcomes' }).waitFor();

    // The token: in the Authorization header only, never in the page's or any request's URL, never in localStorage.
    expect(page.url()).toBe(`${live.bot.url}/insights`);
    expect(requested.length).toBeGreaterThan(4);
    expect(requested.filter((url) => url.includes(TOKEN))).toEqual([]);
    expect(await page.evaluate(() => localStorage.length)).toBe(0);
    await screenshot(page, 'insights-desktop');
  });

  test.each([
    ['on a desktop', { viewport: { width: 1280, height: 900 } }],
    ['on a 320 px phone', PHONE_320],
  ])("the report, its table open, passes axe's WCAG 2.2 A and AA rules (%s)", async (_name, options) => {
    const watched = await live.context(options);
    const { page } = await openInsights(watched, TOKEN);
    await page.locator('#chart canvas').waitFor();
    await page.locator('#unrecognised li').first().waitFor();
    await page.getByText('The outcome rates as a table').click();
    await page.getByRole('table', { name: /Outcome rates per day/ }).waitFor();
    expect(await accessibilityViolations(page)).toEqual([]);
  });

  test('a reload keeps the token for the tab: no second prompt', async () => {
    const watched = await live.context();
    const { page } = await openInsights(watched, TOKEN);
    await page.getByRole('heading', { name: 'Outcomes' }).waitFor();
    await page.reload();
    await page.getByRole('heading', { name: 'Outcomes' }).waitFor();
    expect(await page.getByLabel('Tickets API token').isVisible()).toBe(false);
    await page.getByRole('button', { name: 'Forget the token' }).click();
    expect(await page.getByLabel('Tickets API token').isVisible()).toBe(true);
  });

  test('on a 320 px phone: nothing scrolls sideways, the chart fits, controls are thumb-sized', async () => {
    const watched = await live.context(PHONE_320);
    const { page } = await openInsights(watched);
    const tokenBox = (await page.getByLabel('Tickets API token').boundingBox())!;
    expect(tokenBox.x + tokenBox.width).toBeLessThanOrEqual(320);
    await signIn(page, TOKEN);
    await page.locator('#chart canvas').waitFor();
    await page.getByText('The outcome rates as a table').click();

    const layout = await page.evaluate(() => ({ page: Math.max(document.documentElement.scrollWidth, document.body.scrollWidth), width: window.innerWidth }));
    expect(layout.width).toBe(320);
    expect(layout.page).toBeLessThanOrEqual(layout.width);
    for (const control of [page.getByLabel(/Sessions that started in the/), page.getByRole('button', { name: 'Forget the token' }), page.locator('#chart canvas'), page.locator('#rates-table').locator('..'), page.locator('#funnels table').first()]) {
      const box = (await control.boundingBox())!;
      expect(box.x).toBeGreaterThanOrEqual(0);
      expect(box.x + box.width).toBeLessThanOrEqual(layout.width);
    }
    expect((await page.getByLabel(/Sessions that started in the/).boundingBox())!.height).toBeGreaterThanOrEqual(44);
    expect((await page.getByRole('button', { name: 'Forget the token' }).boundingBox())!.height).toBeGreaterThanOrEqual(44);
    await screenshot(page, 'insights-phone-320');
  });

  test('with the keyboard alone: the token field and Enter, then the period and the table, each with a visible focus', async () => {
    const watched = await live.context();
    const { page } = await openInsights(watched);
    // The field has focus on arrival: type and press Enter.
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('token');
    await page.keyboard.type(TOKEN);
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name: 'Outcomes' }).waitFor();
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('since');

    const visited: string[] = [];
    const outlines: Record<string, string> = {};
    await page.getByRole('button', { name: 'Forget the token' }).focus();
    for (let i = 0; i < 6; i++) {
      await page.keyboard.press('Tab');
      const focused = await page.evaluate(() => {
        const el = document.activeElement;
        if (!el) return { name: 'none', outline: '' };
        const style = getComputedStyle(el);
        return { name: `${el.tagName.toLowerCase()}:${el.id || el.textContent?.trim().slice(0, 40)}`, outline: `${style.outlineStyle} ${style.outlineWidth}` };
      });
      visited.push(focused.name);
      outlines[focused.name] = focused.outline;
    }
    expect(visited[0]).toBe('select:since');
    expect(visited).toContain('summary:The outcome rates as a table');
    for (const name of ['select:since', 'summary:The outcome rates as a table']) {
      expect(outlines[name]).toMatch(/^solid (\d+)px$/);
      expect(parseInt(outlines[name]!.split(' ')[1]!, 10)).toBeGreaterThanOrEqual(2);
    }
    // The table opens from the keyboard.
    await page.getByText('The outcome rates as a table').focus();
    await page.keyboard.press('Enter');
    expect(await page.getByRole('table', { name: /Outcome rates per day/ }).isVisible()).toBe(true);
    // The period changes from the keyboard.
    await page.getByLabel(/Sessions that started in the/).focus();
    await Promise.all([page.waitForResponse((response) => response.url().includes('/api/insights?since=90d')), page.keyboard.press('ArrowDown')]);
  });

  test('reads well to a screen reader and in contrast: language, headings in order, labels, 4.5:1 text', async () => {
    const watched = await live.context();
    const { page } = await openInsights(watched);
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('en');
    expect(await page.getByLabel('Tickets API token').count()).toBe(1);
    const tokenHint = await textContrast(page.locator('#token-hint'));
    await signIn(page, TOKEN);
    await page.locator('#chart canvas').waitFor();

    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Insights');
    expect(await page.getByRole('main').count()).toBe(1);
    expect(await page.getByRole('combobox', { name: /Sessions that started in the/ }).count()).toBe(1);
    expect(await page.getByRole('img', { name: /outcome rates per day/i }).count()).toBe(1);
    const levels = await page.evaluate(() =>
      Array.from(document.querySelectorAll('h1, h2, h3, h4, h5, h6'))
        .filter((heading) => heading.offsetParent !== null)
        .map((heading) => Number(heading.tagName.slice(1))),
    );
    expect(levels[0]).toBe(1);
    levels.forEach((level, i) => expect(level - (levels[i - 1] ?? 0)).toBeLessThanOrEqual(1));

    await page.getByText('The outcome rates as a table').click();
    const contrasts = {
      tokenHint,
      heading: await textContrast(page.getByRole('heading', { level: 1 })),
      sectionHeading: await textContrast(page.getByRole('heading', { name: 'Outcomes' })),
      label: await textContrast(page.locator('.period label')),
      select: await textContrast(page.getByLabel(/Sessions that started in the/)),
      forget: await textContrast(page.getByRole('button', { name: 'Forget the token' })),
      hint: await textContrast(page.locator('#window')),
      cardLabel: await textContrast(page.locator('.card dt').first()),
      cardNumber: await textContrast(page.locator('.card .number').first()),
      cardShare: await textContrast(page.locator('.card .share').first()),
      tableHeader: await textContrast(page.locator('#rates-table th').first()),
      tableCell: await textContrast(page.locator('#rates-table td').first()),
      summary: await textContrast(page.getByText('The outcome rates as a table')),
      legend: await textContrast(page.locator('.u-legend .u-label').first()),
      unrecognisedCount: await textContrast(page.locator('#unrecognised .count').first()),
    };
    for (const [what, ratio] of Object.entries(contrasts)) {
      expect({ what, enough: ratio >= 4.5, ratio: ratio.toFixed(2) }).toEqual({ what, enough: true, ratio: ratio.toFixed(2) });
    }
  });
});
