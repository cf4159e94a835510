import { UAParser } from 'ua-parser-js';
import { USER_AGENTS, type UserAgentName } from './fixtures/userAgents';
import { UNKNOWN_APP } from './deviceProfile';
import { IN_APP_BROWSERS, findInAppBrowser } from './inAppBrowsers';
import { toFacts } from './toFacts';

describe('the in-app table covers what ua-parser-js 1 misses or misnames', () => {
  // If one of these starts failing after an upgrade, ua-parser-js has learnt the app: the row may go.
  it.each<[UserAgentName, string | undefined, string]>([
    ['snapchatAndroid', 'Chrome WebView', 'Snapchat'],
    ['pinterestIphone', 'WebKit', 'Pinterest'],
    ['pinterestAndroid', 'Chrome WebView', 'Pinterest'],
    ['outlookIphone', 'WebKit', 'Outlook'],
    ['threadsIphone', 'WebKit', 'Threads'],
    ['messengerIphone', 'Facebook', 'Messenger'],
    ['kakaoTalkAndroid', 'KAKAOTALK', 'KakaoTalk'],
  ])('%s: ua-parser-js says %s, the table says %s', (name, uaParserSays, app) => {
    expect(new UAParser(USER_AGENTS[name]).getBrowser().name).toBe(uaParserSays);
    expect(findInAppBrowser(USER_AGENTS[name])?.app).toBe(app);
  });

  it('ua-parser-js gives LinkedIn no version; the table reads it', () => {
    expect(new UAParser(USER_AGENTS.linkedinIphone).getBrowser().version).toBeUndefined();
    expect(findInAppBrowser(USER_AGENTS.linkedinIphone)).toEqual({ app: 'LinkedIn', version: '9.32.2485' });
  });

  it('a browser that merely mentions Safari or Line in passing is not an app', () => {
    expect(findInAppBrowser(USER_AGENTS.safariIphone)).toBeUndefined();
    expect(findInAppBrowser(USER_AGENTS.chromeAndroid)).toBeUndefined();
    expect(findInAppBrowser('Mozilla/5.0 (X11; Linux x86_64) Gecko/20100101 Firefox/131.0 Online/1.0')).toBeUndefined();
  });
});

it('every app name fits in the facts the guards read', () => {
  for (const inApp of [...IN_APP_BROWSERS.map(({ app }) => app), UNKNOWN_APP]) {
    expect(toFacts({ source: 'webchat', inApp }).inApp).toBe(inApp);
  }
});
