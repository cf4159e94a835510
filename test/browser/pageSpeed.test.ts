import { mkdirSync, writeFileSync } from 'node:fs';
import { availableParallelism, loadavg } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { startTestBot, type TestBot } from '../support/testBot';
import { ARTIFACTS, launchChromium, watchedContext } from './support/chromium';
import { measurePageOpen, SLOW_4G, THREE_G, type NetworkProfile, type PageOpen } from './support/pageTiming';
import { PHONE } from './support/phone';

/**
 * Checked on the median of PAGE_SPEED_RUNS runs (times) and the largest run (bytes, which don't
 * vary) on emulated Slow 4G. Issue 20's goals are 2 s (greeting, first visit), 3 s (typing, first
 * visit), 1 s (greeting, repeat visit) and 450 kB; the limits below are tighter, to catch a
 * regression long before a goal is missed. Set from repeated runs (docs/BENCHMARKS.md, "issue 20"):
 * medians 555 / 555 / 309 ms, Web Chat ready at 4.8 s, 416 kB, on a 2-core machine with a load
 * average of 5–6; another session's load pushed the times up to ×1.4. Times get about twice the
 * busy median; bytes 3 % (they change only when a file does, e.g. a Web Chat upgrade: re-measure).
 * Web Chat's own send box has no goal (the page's box is usable long before), only a guard that
 * it still comes up.
 */
export const LIMITS = {
  firstGreetingMs: 1200,
  firstUsableMs: 1200,
  repeatGreetingMs: 700,
  firstWebChatReadyMs: 9000,
  firstVisitBytes: 430_000,
};

const RUNS = Number(process.env.PAGE_SPEED_RUNS ?? 3);
/** PAGE_SPEED_REPORT=1: 3G too, a table on stdout and artifacts/page-speed.json. */
const REPORT = process.env.PAGE_SPEED_REPORT === '1';

interface Visits {
  first: PageOpen[];
  repeat: PageOpen[];
}

let browser: Browser | undefined;
let bot: TestBot | undefined;
const results = new Map<string, Visits>();
/** Script errors, CSP violations included, and requests beyond localhost, over every visit. */
const errors: string[] = [];
const external: string[] = [];

beforeAll(async () => {
  [browser, bot] = await Promise.all([launchChromium(), startTestBot()]);
  // Unmeasured: the server gzips Web Chat's bundle on its first request, as it has after its first candidate.
  await visitTwice(browser, bot.url, { ...SLOW_4G, latency: 0, downloadThroughput: -1, uploadThroughput: -1 });
  for (const network of REPORT ? [SLOW_4G, THREE_G] : [SLOW_4G]) {
    const visits: Visits = { first: [], repeat: [] };
    for (let run = 0; run < RUNS; run++) {
      const { first, repeat } = await visitTwice(browser, bot.url, network);
      visits.first.push(first);
      visits.repeat.push(repeat);
    }
    results.set(network.name, visits);
  }
  if (REPORT) report();
}, (REPORT ? 2 : 1) * RUNS * 60_000 + 60_000);

afterAll(async () => {
  await browser?.close();
  await bot?.close();
});

/** A first visit in a fresh phone browser, then a repeat visit in a new tab of the same one. */
async function visitTwice(on: Browser, baseUrl: string, network: NetworkProfile): Promise<{ first: PageOpen; repeat: PageOpen }> {
  const watched = await watchedContext(on, PHONE);
  // Playwright turns the HTTP cache off while it routes requests; the measurer's list shows where they went instead.
  await watched.context.unrouteAll();
  try {
    const first = await measurePageOpen(watched.context, { network, baseUrl });
    const repeat = await measurePageOpen(watched.context, { network, baseUrl });
    external.push(...[first, repeat].flatMap((visit) => visit.requests.map((request) => request.url).filter((url) => !/^https?:\/\/(127\.0\.0\.1|localhost)[:/]/.test(url))));
    return { first, repeat };
  } finally {
    errors.push(...watched.errors);
    await watched.close();
  }
}

function visits(network: string, visit: keyof Visits): PageOpen[] {
  const found = results.get(network)?.[visit];
  if (!found?.length) throw new Error(`no ${visit} visits were measured on ${network}`);
  return found;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

const medianOf = (runs: PageOpen[], figure: 'greetingMs' | 'usableMs' | 'webChatReadyMs') => median(runs.map((run) => run[figure]));

describe('the candidate page on a slow phone connection', () => {
  test('a first-time candidate sees the greeting and topics within 2 s and can type within 3 s', () => {
    const first = visits(SLOW_4G.name, 'first');
    expect(medianOf(first, 'greetingMs')).toBeLessThanOrEqual(LIMITS.firstGreetingMs);
    expect(medianOf(first, 'usableMs')).toBeLessThanOrEqual(LIMITS.firstUsableMs);
  });

  test('Web Chat still takes over on a first visit, its message box ready', () => {
    expect(medianOf(visits(SLOW_4G.name, 'first'), 'webChatReadyMs')).toBeLessThanOrEqual(LIMITS.firstWebChatReadyMs);
  });

  test('a returning candidate, whose browser kept the page\'s files, sees the greeting within 1 s', () => {
    expect(medianOf(visits(SLOW_4G.name, 'repeat'), 'greetingMs')).toBeLessThanOrEqual(LIMITS.repeatGreetingMs);
  });

  test('a first visit costs the candidate at most 450 kB of their data plan', () => {
    expect(Math.max(...visits(SLOW_4G.name, 'first').map((run) => run.bytes))).toBeLessThanOrEqual(LIMITS.firstVisitBytes);
  });

  test('opening the page loads nothing from beyond this server and shows no script or CSP errors', () => {
    expect(external).toEqual([]);
    expect(errors).toEqual([]);
  });
});

const FIGURES = ['greetingMs', 'usableMs', 'webChatReadyMs', 'botMessageMs'] as const;

/** The table on stdout and every run in artifacts/page-speed.json. */
function report(): void {
  const spread = (values: number[]) => (values.length ? `${Math.round(median(values))} (${Math.round(Math.min(...values))}–${Math.round(Math.max(...values))})` : '–');
  const rows = [['network', 'visit', ...FIGURES, 'kB']];
  for (const [network, byVisit] of results) {
    for (const visit of ['first', 'repeat'] as const) {
      const runs = byVisit[visit];
      const figures = FIGURES.map((figure) => spread(runs.map((run) => run[figure]).filter((ms): ms is number => ms !== undefined)));
      rows.push([network, visit, ...figures, spread(runs.map((run) => run.bytes / 1000))]);
    }
  }
  const widths = rows[0]!.map((_, column) => Math.max(...rows.map((row) => row[column]!.length)));
  const table = rows.map((row) => row.map((cell, column) => cell.padEnd(widths[column]!)).join('  ')).join('\n');
  // Other processes' load skews the times (not the bytes); the report says how busy the machine was.
  const load = loadavg().map((average) => average.toFixed(1)).join(' ');
  process.stdout.write(`\nCandidate page opening on a phone, ms from navigation start: median (min–max) of ${RUNS} runs (load average ${load}, ${availableParallelism()} CPUs)\n${table}\n\n`);
  mkdirSync(ARTIFACTS, { recursive: true });
  writeFileSync(join(ARTIFACTS, 'page-speed.json'), JSON.stringify({ runs: RUNS, limits: LIMITS, loadAverage: loadavg(), networks: Object.fromEntries(results) }, null, 2));
}
