/**
 * Apps whose built-in browser a candidate may open the interview link in. Camera prompts are
 * unreliable there and progress is kept apart from Safari's or Chrome's, so the guide tells the
 * candidate to open the link in Safari or Chrome instead.
 *
 * Checked in order on the raw user agent, before ua-parser-js: it names some of these (Facebook,
 * Instagram, LinkedIn, GSA, WeChat, TikTok, Snapchat on iOS, Line, Twitter) but misses others, and
 * misnames some (see each `uaParser` note).
 */
export interface InAppBrowser {
  app: string;
  /** Its first group, if any, is the app's version… */
  pattern: RegExp;
  /** …unless the version sits elsewhere in the user agent: then this one's first group. */
  version?: RegExp;
  /** What ua-parser-js 1.0.x makes of the same user agent, kept as the reason for the row. */
  uaParser: string;
}

export const IN_APP_BROWSERS: readonly InAppBrowser[] = [
  // Messenger also carries FBAN/FBAV, so it must come before Facebook.
  {
    app: 'Messenger',
    pattern: /FBAN\/Messenger|FB_IAB\/Orca-Android/,
    uaParser: 'calls it "Facebook"',
  },
  // "[FBAN/FBIOS;FBAV/481.0.0.48.106;…]" on iOS, "[FB_IAB/FB4A;FBAV/482.0.0.41.108;]" on Android.
  { app: 'Facebook', pattern: /FBAN\/|FB_IAB\/|FBAV\//, version: /FBAV\/([\d.]+)/, uaParser: 'names it' },
  // "Instagram 300.0.0.18.110 (iPhone15,2; iOS 17_5; …)", "Instagram 349.0.0.39.105 Android (…)".
  { app: 'Instagram', pattern: /\bInstagram ([\d.]+)/, uaParser: 'names it' },
  // Threads reports its internal name: "Barcelona 349.0.0.21.106 (iPhone15,2; …)".
  { app: 'Threads', pattern: /\bBarcelona ([\d.]+)/, uaParser: 'misses it (says "WebKit")' },
  // "[LinkedInApp]/9.30.1563" on iOS; Android may omit the version.
  { app: 'LinkedIn', pattern: /\[LinkedInApp\](?:\/([\d.]+))?/, uaParser: 'names it, without the version' },
  // iOS: "musical_ly_36.5.0 JsSdk/2.0 …"; Android: "trill_360504 … app_version/36.5.4 … BytedanceWebview/d8a21c6".
  {
    app: 'TikTok',
    pattern: /musical_ly|BytedanceWebview|\btrill_\d/,
    version: /musical_ly_([\d.]+)|\bapp_version\/([\d.]+)/,
    uaParser: 'names it only when "musical_ly" is followed by a version; a "trill" build without it reads as Chrome WebView',
  },
  // iOS: "Snapchat/13.10.0.42 (like Safari/…)"; Android glues it on: "Mobile Safari/537.36Snapchat11.4.5.67 Beta".
  {
    app: 'Snapchat',
    pattern: /Snapchat\/?([\d.]+)/,
    uaParser: 'names it on iOS; reads the Android one as "Chrome WebView"',
  },
  // iOS: "Safari Line/14.14.0"; Android: "Line/13.21.1/IAB".
  { app: 'LINE', pattern: /\bLine\/([\d.]+)/, uaParser: 'names it "Line"' },
  // "MicroMessenger/8.0.50(0x1800323c)", also in WeChat's desktop browser on Windows.
  { app: 'WeChat', pattern: /MicroMessenger\/([\d.]+)/, uaParser: 'names it' },
  // "Twitter for iPhone/10.0", "TwitterAndroid". Newer X builds use the system browser view and cannot be told apart.
  { app: 'X (Twitter)', pattern: /Twitter for iP(?:hone|ad)\/([\d.]+)|TwitterAndroid/, uaParser: 'names it "Twitter"' },
  // "[Pinterest/iOS]", "[Pinterest/Android]", "Pinterest for Android/6.58.4 (SM-A515F; 11)".
  {
    app: 'Pinterest',
    pattern: /\[Pinterest\/(?:iOS|Android)\]|Pinterest for Android(?: Tablet)?\/([\d.]+)/,
    uaParser: 'misses it (says "WebKit" or "Chrome WebView")',
  },
  // The Google app: "GSA/333.0.676775632" where Safari has "Version/…".
  { app: 'Google app', pattern: /\bGSA\/([\d.]+)/, uaParser: 'names it "GSA"' },
  // "Outlook-iOS/745.0.prod.iphone (3.51.0)", "Outlook-Android/2.0".
  {
    app: 'Outlook',
    pattern: /Outlook-(?:iOS|Android)\/([\d.]+)/,
    uaParser: 'misses it (says "WebKit" on iOS, "Chrome" on Android)',
  },
  // "…Mobile Safari/537.36;KAKAOTALK 2410370": ua-parser-js takes "KAKAOTALK" for a browser of its own.
  { app: 'KakaoTalk', pattern: /KAKAOTALK[ /]([\d.]+)/i, uaParser: 'calls it a browser named "KAKAOTALK"' },
  // Gmail's iOS in-app view adds no marker: it falls to the unnamed iOS web view rule in parseUserAgent.
];

/** The in-app browser this user agent names, with the app's version where it gives one. */
export function findInAppBrowser(userAgent: string): { app: string; version?: string } | undefined {
  const entry = IN_APP_BROWSERS.find(({ pattern }) => pattern.test(userAgent));
  if (!entry) return undefined;
  const match = (entry.version ?? entry.pattern).exec(userAgent);
  const version = match?.slice(1).find((group) => group !== undefined)?.replace(/\.+$/, '');
  return version ? { app: entry.app, version } : { app: entry.app };
}
