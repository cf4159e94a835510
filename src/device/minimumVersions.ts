import type { BrowserFamily, OsFamily } from './deviceProfile';

/**
 * The oldest major versions the interview page is expected to work in. Below these a candidate
 * is told to update before anything else: recording relies on recent MediaRecorder and
 * getUserMedia behaviour. Browsers not listed are "unsupported" rather than "outdated".
 */
export const MINIMUM_BROWSER_VERSIONS: Readonly<Partial<Record<BrowserFamily, number>>> = {
  chrome: 100,
  edge: 100,
  firefox: 100,
  safari: 15,
};

/**
 * Every iOS browser, in-app ones included, runs the system's WebKit: an old iOS is an old Safari,
 * whatever the browser's own version says (Chrome 129 on iOS 14 records like Safari 14).
 */
export const MINIMUM_OS_VERSIONS: Readonly<Partial<Record<OsFamily, number>>> = {
  ios: MINIMUM_BROWSER_VERSIONS.safari,
};

/** The leading number of a version ("17" of "17.5.1"), or undefined when there is none. */
export function majorVersion(version: string | undefined): number | undefined {
  const major = /^(\d+)/.exec(version ?? '')?.[1];
  return major === undefined ? undefined : Number(major);
}

/** True when the browser or, on iOS, the system is known to be older than supported. */
export function isOutdated(facts: {
  browser?: BrowserFamily;
  browserVersion?: string;
  os?: OsFamily;
  osVersion?: string;
}): boolean {
  return (
    below(facts.browserVersion, facts.browser && MINIMUM_BROWSER_VERSIONS[facts.browser]) ||
    below(facts.osVersion, facts.os && MINIMUM_OS_VERSIONS[facts.os])
  );
}

function below(version: string | undefined, minimum: number | undefined): boolean {
  const major = majorVersion(version);
  return major !== undefined && minimum !== undefined && major < minimum;
}
