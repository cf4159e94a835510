import type { DeviceFacts } from './deviceProfile';
import { UNKNOWN_APP } from './deviceProfile';
import { USER_AGENTS, type UserAgentName } from './fixtures/userAgents';
import { IN_APP_BROWSERS } from './inAppBrowsers';
import { MAX_USER_AGENT_LENGTH, parseUserAgent } from './parseUserAgent';
import { toFacts } from './toFacts';

const factsOf = (name: UserAgentName) => toFacts(parseUserAgent(USER_AGENTS[name]));

describe('a candidate in an app’s built-in browser is recognised, so the bot can tell them to open the link in Safari or Chrome', () => {
  const cases: [UserAgentName, Partial<DeviceFacts>][] = [
    ['instagramIphone', { inApp: 'Instagram', os: 'ios', osVersion: '17.5', deviceType: 'phone', iosNonSafari: true }],
    ['instagramAndroid', { inApp: 'Instagram', os: 'android', osVersion: '14', deviceType: 'phone', iosNonSafari: false }],
    ['facebookIphone', { inApp: 'Facebook', os: 'ios', deviceType: 'phone', iosNonSafari: true }],
    ['facebookAndroid', { inApp: 'Facebook', os: 'android', deviceType: 'phone' }],
    ['messengerIphone', { inApp: 'Messenger', os: 'ios' }],
    ['threadsIphone', { inApp: 'Threads', os: 'ios' }],
    ['linkedinIphone', { inApp: 'LinkedIn', os: 'ios', osVersion: '18.7', iosNonSafari: true }],
    ['linkedinAndroid', { inApp: 'LinkedIn', os: 'android', osVersion: '16' }],
    ['googleAppIphone', { inApp: 'Google app', os: 'ios', iosNonSafari: true }],
    ['outlookIphone', { inApp: 'Outlook', os: 'ios' }],
    ['wechatIphone', { inApp: 'WeChat', os: 'ios' }],
    ['tiktokIphone', { inApp: 'TikTok', os: 'ios' }],
    ['tiktokAndroid', { inApp: 'TikTok', os: 'android' }],
    ['snapchatIphone', { inApp: 'Snapchat', os: 'ios' }],
    ['snapchatAndroid', { inApp: 'Snapchat', os: 'android' }],
    ['lineIphone', { inApp: 'LINE', os: 'ios' }],
    ['lineAndroid', { inApp: 'LINE', os: 'android' }],
    ['twitterIphone', { inApp: 'X (Twitter)', os: 'ios' }],
    ['pinterestIphone', { inApp: 'Pinterest', os: 'ios' }],
    ['pinterestAndroid', { inApp: 'Pinterest', os: 'android' }],
    ['kakaoTalkAndroid', { inApp: 'KakaoTalk', os: 'android' }],
    ['unmarkedIphoneWebView', { inApp: UNKNOWN_APP, os: 'ios', iosNonSafari: true }],
    ['unmarkedAndroidWebView', { inApp: UNKNOWN_APP, os: 'android' }],
  ];

  it.each(cases)('%s', (name, expected) => {
    const facts = factsOf(name);
    expect(facts).toMatchObject(expected);
    // Not a browser the guide names, whatever engine the app borrows.
    expect(facts).toMatchObject({ browser: 'other', unsupported: true });
  });

  it('every app in the table is recognised in at least one real user agent', () => {
    const recognised = new Set(Object.keys(USER_AGENTS).map((name) => factsOf(name as UserAgentName).inApp));
    const untested = IN_APP_BROWSERS.map(({ app }) => app).filter((app) => !recognised.has(app));
    expect(untested).toEqual([]);
  });

  it('the recruiter sees which version of the app it was, where the app says', () => {
    expect(parseUserAgent(USER_AGENTS.facebookIphone)).toMatchObject({ browserName: 'Facebook', browserVersion: '481.0.0.48.106' });
    expect(parseUserAgent(USER_AGENTS.tiktokAndroid)).toMatchObject({ browserName: 'TikTok', browserVersion: '36.5.4' });
    expect(parseUserAgent(USER_AGENTS.snapchatAndroid)).toMatchObject({ browserName: 'Snapchat', browserVersion: '11.4.5.67' });
  });
});

describe('a candidate in a real browser is told the steps for that browser and system', () => {
  const cases: [UserAgentName, Partial<DeviceFacts>][] = [
    ['chromeAndroid', { browser: 'chrome', browserVersion: '129', os: 'android', deviceType: 'phone', unsupported: false }],
    ['chromeAndroidTablet', { browser: 'chrome', os: 'android', deviceType: 'tablet' }],
    ['chromeIphone', { browser: 'chrome', os: 'ios', deviceType: 'phone', iosNonSafari: true, unsupported: false }],
    ['firefoxIphone', { browser: 'firefox', os: 'ios', iosNonSafari: true }],
    ['safariIphone', { browser: 'safari', browserVersion: '17.5', os: 'ios', osVersion: '17.5', iosNonSafari: false }],
    ['safariIpad', { browser: 'safari', os: 'ios', deviceType: 'tablet', iosNonSafari: false }],
    ['safariMac', { browser: 'safari', os: 'macos', deviceType: 'computer', unsupported: false }],
    ['chromeMac', { browser: 'chrome', os: 'macos', deviceType: 'computer' }],
    ['chromeWindows', { browser: 'chrome', os: 'windows', deviceType: 'computer' }],
    ['chromeWindows7', { browser: 'chrome', os: 'windows', osVersion: '7' }],
    ['chromebook', { browser: 'chrome', os: 'chromeos', deviceType: 'computer' }],
    ['edgeWindows', { browser: 'edge', browserVersion: '129', os: 'windows', deviceType: 'computer', unsupported: false }],
    ['firefoxLinux', { browser: 'firefox', os: 'linux', deviceType: 'computer', unsupported: false }],
    ['firefoxUbuntu', { browser: 'firefox', os: 'linux', deviceType: 'computer' }],
    ['firefoxAndroid', { browser: 'firefox', os: 'android', deviceType: 'phone' }],
    ['samsungInternet', { browser: 'samsung', os: 'android', deviceType: 'phone', unsupported: true }],
    ['operaWindows', { browser: 'opera', os: 'windows', unsupported: true }],
    ['internetExplorer11', { browser: 'other', os: 'windows', unsupported: true }],
  ];

  it.each(cases)('%s', (name, expected) => {
    const facts = factsOf(name);
    expect(facts).toMatchObject(expected);
    expect(facts.inApp).toBeUndefined();
  });

  it('headless Chrome (an automated check of the page) is Chrome on Linux', () => {
    const profile = parseUserAgent('Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) HeadlessChrome/156.0.0.0 Safari/537.36');
    expect(toFacts(profile)).toMatchObject({ browser: 'chrome', browserVersion: '156', os: 'linux', deviceType: 'computer', unsupported: false });
  });

  it('an iPhone in Edge is told it is not in Safari', () => {
    expect(factsOf('edgeIphone')).toMatchObject({ browser: 'edge', os: 'ios', iosNonSafari: true });
  });
});

describe('a candidate on an old browser is told to update it first', () => {
  it.each<[UserAgentName, string]>([
    ['chrome80Windows', 'Chrome 80'],
    ['safari14Mac', 'Safari 14'],
    ['edgeLegacyWindows', 'the old Edge (18)'],
    ['chromeIphoneOnIos14', 'any browser on iOS 14, whose WebKit is as old as the system'],
    ['edgeIphone', 'Edge on iOS 11'],
  ])('%s: %s', (name) => {
    expect(factsOf(name)).toMatchObject({ outdated: true, unsupported: true });
  });

  it('a current browser is not called old', () => {
    expect(factsOf('chromeWindows')).toMatchObject({ outdated: false, unsupported: false });
    expect(factsOf('safariIphone')).toMatchObject({ outdated: false, unsupported: false });
  });
});

describe('the recruiter is not told versions the user agent only pretends', () => {
  it('Windows 10 and 11 both send "Windows NT 10.0", so no version is claimed', () => {
    expect(parseUserAgent(USER_AGENTS.chromeWindows).osVersion).toBeUndefined();
  });

  it('every macOS since 11 sends 10.15.7, so no version is claimed', () => {
    expect(parseUserAgent(USER_AGENTS.safariMac).osVersion).toBeUndefined();
    expect(parseUserAgent(USER_AGENTS.chromeMac).osVersion).toBeUndefined();
  });

  it('Chrome’s reduced "Android 10; K" names neither the version nor the phone', () => {
    const profile = parseUserAgent(USER_AGENTS.chromeAndroid);
    expect(profile.osVersion).toBeUndefined();
    expect(profile.deviceModel).toBeUndefined();
  });

  it('a real version and model are kept', () => {
    expect(parseUserAgent(USER_AGENTS.instagramAndroid)).toMatchObject({ osVersion: '14', deviceModel: 'SM-S911B', deviceVendor: 'Samsung' });
  });
});

describe('client hints, where the browser gives them, tell what the user agent no longer does', () => {
  it('a Windows 11 laptop is reported as Windows 11 (platformVersion 13 and up)', () => {
    expect(parseUserAgent(USER_AGENTS.chromeWindows, { platform: 'Windows', platformVersion: '15.0.0' }).osVersion).toBe('11');
    expect(parseUserAgent(USER_AGENTS.chromeWindows, { platform: 'Windows', platformVersion: '10.0.0' }).osVersion).toBe('10');
  });

  it('a Mac’s real macOS version is reported', () => {
    expect(parseUserAgent(USER_AGENTS.chromeMac, { platform: 'macOS', platformVersion: '14.5.0' }).osVersion).toBe('14.5');
  });

  it('an Android phone’s version, model and phone-ness come from the hints', () => {
    const profile = parseUserAgent(USER_AGENTS.chromeAndroid, {
      platform: 'Android',
      platformVersion: '14.0.0',
      model: 'Pixel 8',
      mobile: true,
    });
    expect(profile).toMatchObject({ os: 'android', osVersion: '14', deviceModel: 'Pixel 8', deviceType: 'phone' });
  });

  it('an Android that says it is not mobile is a tablet', () => {
    expect(parseUserAgent(USER_AGENTS.chromeAndroid, { platform: 'Android', mobile: false }).deviceType).toBe('tablet');
  });

  it('the full browser version replaces the reduced "129.0.0.0"', () => {
    const fullVersionList = [
      { brand: 'Chromium', version: '129.0.6668.90' },
      { brand: 'Microsoft Edge', version: '129.0.2792.79' },
      { brand: 'Not=A?Brand', version: '8.0.0.0' },
    ];
    expect(parseUserAgent(USER_AGENTS.edgeWindows, { fullVersionList }).browserVersion).toBe('129.0.2792.79');
  });

  it('an unnamed Android WebView is recognised by its brand alone', () => {
    const hints = { brands: [{ brand: 'Android WebView', version: '129' }] };
    expect(parseUserAgent(USER_AGENTS.chromeAndroid, hints).inApp).toBe(UNKNOWN_APP);
  });
});

describe('an iPad asking for desktop sites reads as a Mac', () => {
  it('without touch information it is taken for a Mac: a known limit of the user agent', () => {
    expect(parseUserAgent(USER_AGENTS.safariIpadDesktopMode)).toMatchObject({ os: 'macos', deviceType: 'computer' });
  });

  it('with the page’s touch points it is an iPad, since Macs have no touch screen', () => {
    expect(parseUserAgent(USER_AGENTS.safariIpadDesktopMode, undefined, { maxTouchPoints: 5 })).toMatchObject({
      os: 'ios',
      deviceType: 'tablet',
      deviceModel: 'iPad',
      browser: 'safari',
      iosNonSafari: false,
    });
    expect(parseUserAgent(USER_AGENTS.safariMac, undefined, { maxTouchPoints: 0 }).os).toBe('macos');
  });
});

describe('a user agent that is junk gives a profile that knows nothing, never an error', () => {
  it.each([
    ['empty', ''],
    ['spaces', '   '],
    ['words', 'hello there'],
    ['markup', '<script>alert(1)</script>'],
    ['control characters', '\u0000\u0007\u001b[31m'],
  ])('%s', (_, userAgent) => {
    const facts = toFacts(parseUserAgent(userAgent));
    expect(facts).toEqual({ source: 'webchat' });
  });

  it('a value that is not a string at all (from untyped JavaScript) is read as empty', () => {
    expect(toFacts(parseUserAgent(42 as unknown as string))).toEqual({ source: 'webchat' });
  });

  it('a 10,000-character user agent is cut to the cap, quickly', () => {
    const huge = USER_AGENTS.chromeWindows + ' X'.repeat(5_000);
    const started = performance.now();
    const profile = parseUserAgent(huge);
    const elapsed = performance.now() - started;
    expect(profile.userAgent).toHaveLength(MAX_USER_AGENT_LENGTH);
    expect(profile).toMatchObject({ browser: 'chrome', os: 'windows' });
    expect(elapsed).toBeLessThan(50);
  });

  it('control characters never reach the ticket', () => {
    const profile = parseUserAgent(`${USER_AGENTS.safariIphone}\r\nX-Injected: yes`);
    expect(profile.userAgent).not.toMatch(/[\r\n]/);
    expect(profile.browser).toBe('safari');
  });
});
