import { Candidate } from './support/candidate';
import { startTestBot, type TestBot } from './support/testBot';

/** GET /api/insights and GET /insights over real HTTP, behind the tickets API's token. */

const TOKEN = 'an-operators-insights-token-0123456789';
let bot: TestBot;

beforeAll(async () => {
  bot = await startTestBot({ TICKETS_API_TOKEN: TOKEN });
});
afterAll(() => bot.close());

function insights(query = '', authorization: string | null = `Bearer ${TOKEN}`) {
  return fetch(`${bot.url}/api/insights${query}`, { headers: authorization === null ? {} : { authorization } });
}

describe('GET /api/insights', () => {
  test.each([
    ['no Authorization header', null],
    ['a wrong token', 'Bearer not-the-token-at-all-0123456789'],
    ['the token without "Bearer"', TOKEN],
  ])('401 with %s, as JSON, asking for the bearer token', async (_what, authorization) => {
    const response = await insights('', authorization);
    expect(response.status).toBe(401);
    expect(response.headers.get('www-authenticate')).toBe('Bearer');
    expect(await response.json()).toMatchObject({ error: 'unauthorized', message: expect.stringMatching(/Bearer/) });
  });

  test.each([
    ['?since=yesterday', /^since /],
    ['?since=7x', /^since /],
    ['?since=2026-02-30', /^since /],
    ['?since=9999d', /^since .*366 days/],
    ['?asOf=tomorrow', /^asOf /],
    ['?asOf=7d', /^asOf /],
    ['?asOf=2026-11-30T12:00:00', /^asOf /],
    ['?since=2026-12-01T00:00:00Z&asOf=2026-11-30T00:00:00Z', /^since must be before asOf/],
  ])('400 naming the parameter for %s', async (query, message) => {
    const response = await insights(query);
    expect(response.status).toBe(400);
    const body = (await response.json()) as { message: string };
    expect(body).toMatchObject({ error: 'bad_request' });
    expect(body.message).toMatch(message);
  });

  test('with no conversations: 200, the report with zero sessions, not cached, over the last 30 days by default', async () => {
    const asOf = '2020-01-31T00:00:00.000Z';
    const response = await insights(`?asOf=${asOf}`);
    expect(response.status).toBe(200);
    expect(response.headers.get('cache-control')).toBe('no-store');
    expect(await response.json()).toMatchObject({
      since: '2020-01-01T00:00:00.000Z',
      asOf,
      sessions: 0,
      engaged: 0,
      csat: { responses: 0, average: null },
      byDay: [],
      dropOff: [],
    });
  });

  test('after a candidate\'s conversation: its outcome, topic and day, judged as of the time asked', async () => {
    const started = Date.now();
    const candidate = new Candidate(bot.url);
    await candidate.says("the interview page won't load");
    await candidate.says('yes that worked, thanks');
    // The events are kept after each turn is answered, not before: poll briefly.
    const asOf = new Date(started + 2 * 3_600_000).toISOString();
    let report: any;
    for (let tries = 0; ; tries++) {
      report = await (await insights(`?since=7d&asOf=${asOf}`)).json();
      if (report.resolvedConfirmed >= 1 || tries > 100) break;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    expect(report).toMatchObject({ sessions: 1, engaged: 1, resolved: 1, resolvedConfirmed: 1, escalated: 0, abandoned: 0, openSessions: 0 });
    expect(report.since).toBe(new Date(Date.parse(asOf) - 7 * 24 * 3_600_000).toISOString());
    expect(report.byDay).toEqual([expect.objectContaining({ day: new Date(started).toISOString().slice(0, 10), sessions: 1, engaged: 1, resolved: 1 })]);
    expect(Object.keys(report.topics).length).toBeGreaterThan(0);
    const topic = Object.keys(report.topics)[0]!;
    expect(report.dropOff.some((node: { node: string }) => node.node.startsWith(`${topic}/`))).toBe(true);

    // A window that ends before the conversation began has none of it.
    expect(await (await insights(`?since=1d&asOf=${new Date(started - 3_600_000).toISOString()}`)).json()).toMatchObject({ sessions: 0 });
  });
});

describe('GET /insights', () => {
  test('the page: HTML with a strict Content-Security-Policy, no inline script, uPlot from this server under its version', async () => {
    const response = await fetch(`${bot.url}/insights`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^text\/html/);
    const csp = response.headers.get('content-security-policy')!;
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("style-src 'self'");
    expect(csp).toContain("connect-src 'self'");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).not.toMatch(/unsafe-inline|unsafe-eval|https?:/);
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(response.headers.get('referrer-policy')).toBe('no-referrer');
    const html = await response.text();
    expect(html).toContain('<html lang="en">');
    const scripts = [...html.matchAll(/<script\b([^>]*)>/g)].map((match) => match[1]!);
    expect(scripts.every((attributes) => / src="\/[^/]/.test(attributes))).toBe(true);
    const { version } = require('uplot/package.json') as { version: string };
    expect(html).toContain(`src="/vendor/uplot/${version}/uPlot.iife.min.js"`);
    expect(html).toContain(`href="/vendor/uplot/${version}/uPlot.min.css"`);
    // The token's input has no name: a form submitted without the script carries nothing into a URL.
    expect(html).toMatch(/<input id="token" type="password"(?![^>]*\bname=)[^>]*>/);
  });

  test.each(['/assets/insights.js', '/assets/insights.css', 'uPlot.iife.min.js', 'uPlot.min.css'])('%s is served, nosniff', async (path) => {
    const { version } = require('uplot/package.json') as { version: string };
    const url = path.startsWith('/') ? path : `/vendor/uplot/${version}/${path}`;
    const response = await fetch(`${bot.url}${url}`);
    expect(response.status).toBe(200);
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    if (!path.startsWith('/')) expect(response.headers.get('cache-control')).toMatch(/immutable/);
  });

  test('without TICKETS_API_TOKEN neither the page nor the API exists', async () => {
    const other = await startTestBot();
    try {
      expect((await fetch(`${other.url}/insights`)).status).toBe(404);
      expect((await fetch(`${other.url}/api/insights`, { headers: { authorization: `Bearer ${TOKEN}` } })).status).toBe(404);
    } finally {
      await other.close();
    }
  });
});
