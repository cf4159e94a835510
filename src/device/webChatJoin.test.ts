import { USER_AGENTS } from './fixtures/userAgents';
import { toFacts } from './toFacts';
import { parseWebChatJoin } from './webChatJoin';

const join = {
  userAgent: USER_AGENTS.instagramIphone,
  language: 'en-GB',
  timezone: 'Europe/London',
  permissions: { camera: 'denied', microphone: 'prompt' },
  mediaDevices: { videoinput: 1, audioinput: 2 },
};

describe('the Web Chat page tells the bot about the candidate’s device when the chat opens', () => {
  it('a complete join event gives browser, system, permissions and devices', () => {
    expect(toFacts(parseWebChatJoin(join)!)).toEqual({
      source: 'webchat',
      browser: 'other',
      os: 'ios',
      osVersion: '17.5',
      deviceType: 'phone',
      inApp: 'Instagram',
      unsupported: true,
      outdated: false,
      iosNonSafari: true,
      camera: 'denied',
      microphone: 'prompt',
      videoInputs: 1,
      audioInputs: 2,
      locale: 'en-GB',
      timezone: 'Europe/London',
    });
  });

  it('client hints sent by the page refine the profile', () => {
    const profile = parseWebChatJoin({
      userAgent: USER_AGENTS.chromeWindows,
      clientHints: { platform: 'Windows', platformVersion: '15.0.0', mobile: false },
    });
    expect(profile).toMatchObject({ os: 'windows', osVersion: '11', deviceType: 'computer' });
  });

  it('touch points sent by the page reveal an iPad in desktop mode', () => {
    expect(parseWebChatJoin({ userAgent: USER_AGENTS.safariIpadDesktopMode, maxTouchPoints: 5 })).toMatchObject({
      os: 'ios',
      deviceType: 'tablet',
    });
  });
});

describe('a join event with odd fields loses those fields, not the rest', () => {
  it.each<[string, Record<string, unknown>, Record<string, unknown>]>([
    ['a permission that is not a permission state', { permissions: { camera: 'yes', microphone: 'granted' } }, { microphone: 'granted' }],
    ['permissions that are not an object', { permissions: 'yes' }, {}],
    ['a permission state in other case', { permissions: { camera: ' Granted ' } }, { camera: 'granted' }],
    ['device counts written as strings', { mediaDevices: { videoinput: '2', audioinput: '1' } }, { videoInputs: 2, audioInputs: 1 }],
    ['device counts that are not counts', { mediaDevices: { videoinput: -1, audioinput: 'two' } }, {}],
    ['a fractional or huge count', { mediaDevices: { videoinput: 1.5, audioinput: 1e9 } }, {}],
    ['a language that is not a language tag', { language: 'english please' }, {}],
    ['a language written with an underscore', { language: 'fr_CA' }, { locale: 'fr-CA' }],
    ['a time zone with spaces', { timezone: 'Central European Time' }, {}],
    ['client hints of the wrong shape', { clientHints: 'Windows' }, {}],
    ['extra keys', { userId: 'abc', screen: { width: 390 } }, {}],
  ])('%s', (_, odd, kept) => {
    const profile = parseWebChatJoin({ userAgent: USER_AGENTS.chromeMac, ...odd })!;
    expect(profile).toMatchObject({ browser: 'chrome', os: 'macos', ...kept });
    for (const field of ['camera', 'microphone', 'videoInputs', 'audioInputs', 'locale', 'timezone']) {
      if (!(field in kept)) expect(profile).not.toHaveProperty(field);
    }
    expect(profile).not.toHaveProperty('userId');
    expect(profile).not.toHaveProperty('screen');
  });

  it('a user agent of the wrong type is dropped and the permissions still count', () => {
    expect(parseWebChatJoin({ userAgent: 12345, permissions: { camera: 'denied' } })).toEqual({
      source: 'webchat',
      camera: 'denied',
    });
  });

  it('an over-long user agent is capped at 512 characters', () => {
    const profile = parseWebChatJoin({ userAgent: USER_AGENTS.safariIphone + 'x'.repeat(10_000) })!;
    expect(profile.userAgent).toHaveLength(512);
    expect(profile.browser).toBe('safari');
  });

  it('bad client hint items are dropped one by one', () => {
    const profile = parseWebChatJoin({
      userAgent: USER_AGENTS.chromeWindows,
      clientHints: {
        platform: 'Windows',
        platformVersion: 'eleven',
        fullVersionList: [{ brand: 'Google Chrome', version: '129.0.6668.90' }, { brand: 7 }, 'Chrome'],
      },
    })!;
    expect(profile.clientHints).toEqual({ platform: 'Windows', fullVersionList: [{ brand: 'Google Chrome', version: '129.0.6668.90' }] });
    expect(profile).toMatchObject({ browserVersion: '129.0.6668.90' });
    expect(profile.osVersion).toBeUndefined();
  });
});

describe('a join event that says nothing usable gives no profile', () => {
  it.each([
    ['nothing', undefined],
    ['null', null],
    ['a string', 'Mozilla/5.0'],
    ['an array', [USER_AGENTS.chromeMac]],
    ['an empty object', {}],
    ['only junk', { userAgent: '', permissions: { camera: 'maybe' }, foo: 1 }],
  ])('%s', (_, value) => {
    expect(parseWebChatJoin(value)).toBeUndefined();
  });
});
