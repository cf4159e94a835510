import type { Browser, BrowserContextOptions } from 'playwright-core';
import { startTestBot, type TestBot } from '../../support/testBot';
import { launchChromium, watchedContext, type WatchedContext } from './chromium';

/**
 * Chromium and the bot, started once for a test file. Every test's browser context is checked after
 * the test: nothing loaded from beyond localhost (no CDN), and no script or CSP errors. `botEnv`: the
 * bot's settings (e.g. TICKETS_API_TOKEN).
 */
export function useChromiumAndBot(chromiumArgs: string[] = [], botEnv: Record<string, string> = {}): { readonly bot: TestBot; context(options?: BrowserContextOptions): Promise<WatchedContext> } {
  let browser: Browser | undefined;
  let bot: TestBot | undefined;
  let watched: WatchedContext | undefined;
  beforeAll(async () => {
    [browser, bot] = await Promise.all([launchChromium(chromiumArgs), startTestBot(botEnv)]);
  });
  afterAll(async () => {
    await browser?.close();
    await bot?.close();
  });
  afterEach(async () => {
    if (!watched) return;
    const { external, errors } = watched;
    await watched.close();
    watched = undefined;
    expect(external).toEqual([]);
    expect(errors).toEqual([]);
  });
  return {
    get bot() {
      return bot!;
    },
    /** A fresh context (viewport, permissions, user agent…) for this test. */
    async context(options = {}) {
      watched = await watchedContext(browser!, options);
      return watched;
    },
  };
}
