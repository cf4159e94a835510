import type { DeviceProfile } from './deviceProfile';
import { DeviceFacts, MAX_FACTS_BYTES } from './deviceProfile';
import { USER_AGENTS } from './fixtures/userAgents';
import { parseUserAgent } from './parseUserAgent';
import { toFacts } from './toFacts';

const bytes = (value: unknown) => Buffer.byteLength(JSON.stringify(value), 'utf8');

describe('the facts kept with the conversation stay small', () => {
  it(`every real user agent's facts fit in ${MAX_FACTS_BYTES} bytes`, () => {
    for (const userAgent of Object.values(USER_AGENTS)) {
      expect(bytes(toFacts(parseUserAgent(userAgent)))).toBeLessThan(MAX_FACTS_BYTES);
    }
  });

  it('even a profile with every field at its longest fits', () => {
    const long = 'x'.repeat(500);
    const worst: DeviceProfile = {
      source: 'webchat',
      userAgent: long,
      browser: 'chrome',
      browserName: long,
      browserVersion: '1234.1234.1234.1234',
      os: 'chromeos',
      osName: long,
      osVersion: '1234.1234.1234',
      deviceType: 'computer',
      deviceVendor: long,
      deviceModel: long,
      inApp: 'A'.repeat(16),
      unsupported: false,
      outdated: false,
      iosNonSafari: false,
      sameDeviceAsInterview: false,
      camera: 'granted',
      microphone: 'granted',
      videoInputs: 99,
      audioInputs: 99,
      locale: 'zh-Hant-TW-x-private1',
      timezone: 'America/Argentina/ComodRivadavia',
      country: 'AR',
    };
    const facts = toFacts(worst);
    expect(bytes(facts)).toBeLessThan(MAX_FACTS_BYTES);
    expect(facts.inApp).toHaveLength(16);
    expect(facts.locale).toBe('zh-Hant-TW-x');
    expect(facts.browserVersion).toBe('1234.1234');
  });

  it('a string too long for the facts is dropped rather than stored', () => {
    expect(toFacts({ source: 'webchat', inApp: 'A'.repeat(17) }).inApp).toBeUndefined();
  });
});

describe('the facts say what the guards need', () => {
  it('a browser that is too old counts as unsupported, and says why', () => {
    expect(toFacts(parseUserAgent(USER_AGENTS.chrome80Windows))).toMatchObject({ browser: 'chrome', unsupported: true, outdated: true });
  });

  it('versions are shortened to what tells them apart', () => {
    expect(toFacts(parseUserAgent(USER_AGENTS.chromeIphone))).toMatchObject({ browserVersion: '129', osVersion: '17.6' });
  });

  it('an app’s own version is not given as a browser version', () => {
    expect(toFacts(parseUserAgent(USER_AGENTS.facebookIphone)).browserVersion).toBeUndefined();
  });

  it('nothing is set to undefined: the flow spreads facts over older ones', () => {
    const facts = toFacts(parseUserAgent(USER_AGENTS.chromeAndroid));
    expect(Object.values(facts)).not.toContain(undefined);
    expect(facts).not.toHaveProperty('osVersion');
  });

  it('the facts read back through their schema unchanged, as after a restart', () => {
    const facts = toFacts(parseUserAgent(USER_AGENTS.instagramAndroid));
    expect(DeviceFacts.parse(JSON.parse(JSON.stringify(facts)))).toEqual(facts);
  });

  it('a stored summary with one bad field loses only that field', () => {
    const stored = DeviceFacts.parse({ source: 'webchat', browser: 'netscape', os: 'ios' });
    expect(stored).toMatchObject({ source: 'webchat', os: 'ios' });
    expect(stored.browser).toBeUndefined();
  });
});
