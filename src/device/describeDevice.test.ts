import { describeDevice } from './describeDevice';
import { USER_AGENTS, type UserAgentName } from './fixtures/userAgents';
import { fromAnswers } from './fromAnswers';
import { parseTeamsClientInfo } from './teamsClientInfo';
import { parseUserAgent } from './parseUserAgent';

describe('the recruiter reads the candidate’s device in one line', () => {
  it.each<[UserAgentName, string]>([
    ['instagramIphone', 'Instagram in-app browser on iPhone (iOS 17.5)'],
    ['facebookAndroid', 'Facebook in-app browser on Samsung SM-G900P (Android 5.0)'],
    ['unmarkedIphoneWebView', "An app's built-in browser on iPhone (iOS 17.4)"],
    ['chromeWindows', 'Chrome 129 on Windows computer'],
    ['chrome80Windows', 'Chrome 80 on Windows computer, out of date'],
    ['safariMac', 'Safari 17 on Mac'],
    ['safariIpad', 'Safari 17 on iPad (iOS 17.6)'],
    ['chromeAndroid', 'Chrome 129 on Android phone'],
    ['samsungInternet', 'Samsung Internet 26 on Samsung SM-S921B (Android 14)'],
    ['firefoxLinux', 'Firefox 131 on Linux computer'],
    ['chromebook', 'Chrome 129 on Chromebook'],
    ['internetExplorer11', 'IE 11 on Windows computer'],
  ])('%s', (name, line) => {
    expect(describeDevice(parseUserAgent(USER_AGENTS[name]))).toBe(line);
  });

  it('client hints make the line exact', () => {
    const profile = parseUserAgent(USER_AGENTS.chromeWindows, { platform: 'Windows', platformVersion: '15.0.0' });
    expect(describeDevice(profile)).toBe('Chrome 129 on Windows 11 computer');
  });

  it('says when the device was only described by the candidate', () => {
    expect(describeDevice(fromAnswers({ deviceType: 'phone', browser: 'Safari' }))).toBe(
      'Safari on iPhone (as the candidate described it)',
    );
    expect(describeDevice(fromAnswers({ deviceType: 'computer', browser: 'Chrome' }))).toBe(
      'Chrome on a computer (as the candidate described it)',
    );
  });

  it('says when it only knows the Teams app the candidate chats from', () => {
    const teams = parseTeamsClientInfo([{ type: 'clientInfo', platform: 'Windows' }]);
    expect(describeDevice(teams)).toBe(
      'Microsoft Teams app on Windows computer (the device they chat on, maybe not the interview device)',
    );
  });

  it('says so when nothing is known', () => {
    expect(describeDevice(undefined)).toBe('Unknown device');
    expect(describeDevice(parseUserAgent(''))).toBe('Unknown device');
  });
});
