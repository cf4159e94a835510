import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser, type BrowserContext, type BrowserContextOptions, type Page } from 'playwright-core';

/** Debian's Chromium (.ci/run installs it); CHROMIUM_PATH points elsewhere, e.g. on a laptop. */
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const ARTIFACTS = join(__dirname, '../../artifacts');

/** No network beyond localhost, no first-run or background traffic, nothing Chromium would phone home with. */
const ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/**
 * One Chromium per test file. Playwright's launch() gives it a fresh, temporary user-data dir
 * (deleted on close), so nothing carries over between runs.
 */
export async function launchChromium(extraArgs: string[] = []): Promise<Browser> {
  if (!existsSync(CHROMIUM_PATH)) {
    throw new Error(`No Chromium at ${CHROMIUM_PATH}. Install it (apt-get install chromium, as .ci/run does) or set CHROMIUM_PATH.`);
  }
  return chromium.launch({ executablePath: CHROMIUM_PATH, args: [...ARGS, ...extraArgs] });
}

export interface WatchedContext {
  context: BrowserContext;
  /** Requests that tried to leave localhost (a CDN, say); they are aborted. */
  external: string[];
  /** console.error and uncaught exceptions in any page, CSP violations included. */
  errors: string[];
  newPage(): Promise<Page>;
  close(): Promise<void>;
}

/** A context whose pages may only reach the bot on loopback, with their errors collected. */
export async function watchedContext(browser: Browser, options: BrowserContextOptions = {}): Promise<WatchedContext> {
  const context = await browser.newContext(options);
  // Fail within a test's time with Playwright's own message ("waiting for …"), not jest's timeout.
  context.setDefaultTimeout(10_000);
  const external: string[] = [];
  const errors: string[] = [];
  await context.route('**/*', (route) => {
    const url = new URL(route.request().url());
    if (['127.0.0.1', 'localhost'].includes(url.hostname)) return route.continue();
    external.push(url.href);
    return route.abort('blockedbyclient');
  });
  context.on('page', (page) => {
    page.on('console', (message) => {
      if (message.type() === 'error') errors.push(message.text());
    });
    page.on('pageerror', (error) => errors.push(error.message));
  });
  return { context, external, errors, newPage: () => context.newPage(), close: () => context.close() };
}

export async function screenshot(page: Page, name: string): Promise<void> {
  mkdirSync(ARTIFACTS, { recursive: true });
  await page.screenshot({ path: join(ARTIFACTS, `${name}.png`), fullPage: false });
}
