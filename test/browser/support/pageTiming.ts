import type { BrowserContext, CDPSession, Page } from 'playwright-core';

/** A connection Chromium emulates through the DevTools protocol (bytes per second, ms per request). */
export interface NetworkProfile {
  name: string;
  latency: number;
  downloadThroughput: number;
  uploadThroughput: number;
  connectionType: 'cellular3g' | 'cellular4g';
}

/** Issue 20's phone: Lighthouse's mobile figures (150 ms, 1.6 Mbit/s down, 750 kbit/s up). */
export const SLOW_4G: NetworkProfile = { name: 'Slow 4G', latency: 150, downloadThroughput: 200_000, uploadThroughput: 93_750, connectionType: 'cellular4g' };

/** DevTools' throttling preset of the same link, with its own allowances (×3.75 latency, ×0.9 bandwidth). */
export const THREE_G: NetworkProfile = { name: '3G', latency: 562.5, downloadThroughput: 180_000, uploadThroughput: 84_375, connectionType: 'cellular3g' };

export interface PageRequest {
  url: string;
  status: number;
  /** Bytes on the wire, headers included; 0 when the browser's cache answered. */
  encodedBytes: number;
  fromCache: boolean;
}

/** Milliseconds from navigation start; botMessageMs stays undefined if the page greets without Web Chat. */
export interface PageOpen {
  greetingMs: number;
  usableMs: number;
  webChatReadyMs: number;
  botMessageMs: number | undefined;
  bytes: number;
  requests: PageRequest[];
}

export interface PageOpenOptions {
  network: NetworkProfile;
  baseUrl: string;
  timeoutMs?: number;
}

const BOT_BUBBLE = '.webchat__bubble:not(.webchat__bubble--from-user)';
const SEND_BOX = 'input[aria-label="Message input box"], textarea[aria-label="Message input box"]';

/** Something on the page: an element matching the selector that is on screen (and, for `typable`, takes text). */
type Sight = { visible: string } | { typable: string };
/** A moment is reached when every sight of any one of its alternatives holds. */
type Moments = Record<'greeting' | 'usable' | 'webChatReady' | 'botMessage', Sight[][]>;

/** What a candidate sees, as data for the in-page recorder: the server-rendered greeting or Web Chat's. */
const MOMENTS: Moments = {
  greeting: [
    [{ visible: '#welcome .welcome-text' }, { visible: '#welcome button[name="choice"]' }],
    [{ visible: BOT_BUBBLE }, { visible: '[role="toolbar"] button' }],
  ],
  usable: [[{ typable: '#welcome-message' }], [{ typable: SEND_BOX }]],
  webChatReady: [[{ typable: SEND_BOX }]],
  botMessage: [[{ visible: BOT_BUBBLE }]],
};
const AWAITED = ['greeting', 'usable', 'webChatReady'] as const;

// What the in-page recorder touches; the project compiles without the DOM library, on purpose.
interface Shown {
  getBoundingClientRect(): { width: number; height: number; top: number; bottom: number };
  checkVisibility(options: object): boolean;
  getAttribute(name: string): string | null;
  disabled?: boolean;
  readOnly?: boolean;
}
declare const window: { innerHeight: number; __pageTiming?: Partial<Record<string, number>> };
declare const document: { querySelectorAll(selector: string): ArrayLike<Shown> };
declare function requestAnimationFrame(callback: () => void): number;
declare class MutationObserver {
  constructor(callback: () => void);
  observe(target: unknown, options: object): void;
  disconnect(): void;
}

/**
 * Opens the candidate page in a new tab of `context` on the emulated network and measures when the
 * candidate sees the greeting and can type, and what it downloaded. A fresh context is a first
 * visit; another tab in the same context afterwards is a repeat visit (HTTP cache warm, new
 * conversation: sessionStorage is per tab). The context must not route requests: Playwright turns
 * the HTTP cache off while it intercepts.
 */
export async function measurePageOpen(context: BrowserContext, { network, baseUrl, timeoutMs = 30_000 }: PageOpenOptions): Promise<PageOpen> {
  const page = await context.newPage();
  try {
    const traffic = await watchTraffic(await context.newCDPSession(page), network);
    // Init scripts are injected by DevTools before any of the page's own, past its CSP.
    await page.addInitScript(recordMoments, MOMENTS);
    await page.goto(`${baseUrl}/`, { waitUntil: 'commit', timeout: timeoutMs });
    const timing = await awaitMoments(page, network, timeoutMs);
    await traffic.quiet();
    const requests = traffic.requests();
    return {
      greetingMs: timing.greeting!,
      usableMs: timing.usable!,
      webChatReadyMs: timing.webChatReady!,
      botMessageMs: timing.botMessage,
      bytes: requests.reduce((sum, request) => sum + request.encodedBytes, 0),
      requests,
    };
  } finally {
    await page.close();
  }
}

async function awaitMoments(page: Page, network: NetworkProfile, timeout: number): Promise<Partial<Record<string, number>>> {
  const recorded = () => page.evaluate(() => ({ ...window.__pageTiming }));
  try {
    await page.waitForFunction((names) => names.every((name) => window.__pageTiming?.[name] !== undefined), AWAITED, { timeout, polling: 100 });
  } catch (error) {
    const so = await recorded().catch(() => 'nothing (the page is gone)');
    throw new Error(`the page did not show ${AWAITED.join(', ')} within ${timeout} ms on ${network.name}; it recorded ${JSON.stringify(so)}`, { cause: error });
  }
  return recorded();
}

/**
 * Runs in the page before its scripts. Checks happen in animation frames, i.e. when the browser
 * could paint (never while a stylesheet still blocks rendering); a MutationObserver asks for one
 * whenever the DOM changes, and a timer for what changes without a mutation (styles arriving).
 */
function recordMoments(moments: Moments): void {
  const timing: Partial<Record<string, number>> = {};
  window.__pageTiming = timing;
  const onScreen = (el: Shown): boolean => {
    const box = el.getBoundingClientRect();
    return box.width > 0 && box.height > 0 && box.bottom > 0 && box.top < window.innerHeight && el.checkVisibility({ opacityProperty: true, visibilityProperty: true });
  };
  const typable = (el: Shown): boolean => onScreen(el) && !el.disabled && !el.readOnly && el.getAttribute('aria-disabled') !== 'true';
  const holds = (sight: Sight): boolean =>
    'visible' in sight ? Array.from(document.querySelectorAll(sight.visible)).some(onScreen) : Array.from(document.querySelectorAll(sight.typable)).some(typable);

  let asked = false;
  const check = (): void => {
    asked = false;
    const now = performance.now();
    for (const [name, alternatives] of Object.entries(moments)) {
      if (timing[name] === undefined && alternatives.some((sights) => sights.every(holds))) timing[name] = now;
    }
    if (Object.keys(timing).length < Object.keys(moments).length) return;
    observer.disconnect();
    clearInterval(timer);
  };
  const ask = (): void => {
    if (asked) return;
    asked = true;
    requestAnimationFrame(check);
  };
  const observer = new MutationObserver(ask);
  observer.observe(document, { childList: true, subtree: true, attributes: true, characterData: true });
  const timer = setInterval(ask, 100);
}

interface Traffic {
  /** Resolves once no request has been in flight for a while (WebSockets aside), or after 10 s. */
  quiet(): Promise<void>;
  requests(): PageRequest[];
}

/** Emulates `network` for the page (before it navigates) and records every HTTP request it makes. */
async function watchTraffic(cdp: CDPSession, network: NetworkProfile): Promise<Traffic> {
  const byId = new Map<string, PageRequest>();
  const inFlight = new Set<string>();
  let lastChange = Date.now();
  const settle = (id: string) => {
    inFlight.delete(id);
    lastChange = Date.now();
  };
  cdp.on('Network.requestWillBeSent', ({ requestId, request }) => {
    if (!/^https?:/.test(request.url)) return;
    byId.set(requestId, { url: request.url, status: 0, encodedBytes: 0, fromCache: false });
    inFlight.add(requestId);
    lastChange = Date.now();
  });
  cdp.on('Network.requestServedFromCache', ({ requestId }) => {
    const request = byId.get(requestId);
    if (request) request.fromCache = true;
  });
  // The status on the wire (304 for a revalidated file) comes in the extra info, before or after the
  // response, which reports what the page got (200 from the cache).
  const wireStatus = new Map<string, number>();
  cdp.on('Network.responseReceivedExtraInfo', ({ requestId, statusCode }) => {
    wireStatus.set(requestId, statusCode);
    const request = byId.get(requestId);
    if (request) request.status = statusCode;
  });
  cdp.on('Network.responseReceived', ({ requestId, response }) => {
    const request = byId.get(requestId);
    if (!request) return;
    request.status = wireStatus.get(requestId) ?? response.status;
    request.fromCache ||= Boolean(response.fromDiskCache) || Boolean(response.fromPrefetchCache);
  });
  cdp.on('Network.loadingFinished', ({ requestId, encodedDataLength }) => {
    const request = byId.get(requestId);
    if (request && !request.fromCache) request.encodedBytes = encodedDataLength;
    settle(requestId);
  });
  cdp.on('Network.loadingFailed', ({ requestId }) => settle(requestId));

  await cdp.send('Network.enable');
  const { name: _name, ...conditions } = network;
  await cdp.send('Network.emulateNetworkConditions', { offline: false, ...conditions });

  return {
    async quiet() {
      const until = Date.now() + 10_000;
      while ((inFlight.size > 0 || Date.now() - lastChange < 500) && Date.now() < until) await new Promise((resolve) => setTimeout(resolve, 50));
    },
    requests: () => [...byId.values()],
  };
}
