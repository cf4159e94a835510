import { fromAnswers } from './fromAnswers';
import { toFacts } from './toFacts';

describe('when nothing else is known, the candidate’s answers describe the interview device', () => {
  it.each<[string, Parameters<typeof fromAnswers>[0], Record<string, unknown>]>([
    ['Chrome on a computer', { deviceType: 'computer', browser: 'Chrome' }, { browser: 'chrome', deviceType: 'computer', unsupported: false }],
    ['Safari on a phone is an iPhone', { deviceType: 'phone', browser: 'Safari' }, { browser: 'safari', os: 'ios', iosNonSafari: false }],
    ['Safari on a computer is a Mac', { deviceType: 'computer', browser: 'safari' }, { browser: 'safari', os: 'macos' }],
    ['Samsung Internet is Android', { deviceType: 'phone', browser: 'Samsung Internet' }, { browser: 'samsung', os: 'android', unsupported: true }],
    ['Microsoft Edge', { deviceType: 'computer', browser: 'Microsoft Edge' }, { browser: 'edge' }],
    ['typed loosely', { deviceType: 'tablet', browser: 'i use firefox i think' }, { browser: 'firefox', deviceType: 'tablet' }],
    ['an app named as the browser', { deviceType: 'phone', browser: 'Instagram' }, { browser: 'other', inApp: 'Instagram', unsupported: true }],
    ['an app named by its old name', { deviceType: 'phone', browser: 'the twitter app' }, { inApp: 'X (Twitter)' }],
    ['Gmail', { deviceType: 'phone', browser: 'gmail' }, { inApp: 'Gmail' }],
  ])('%s', (_, answers, expected) => {
    expect(toFacts(fromAnswers(answers))).toMatchObject({ source: 'asked', ...expected });
  });

  it('Chrome on a phone does not guess the system: Android and iPhone both have it', () => {
    expect(fromAnswers({ deviceType: 'phone', browser: 'Chrome' }).os).toBeUndefined();
  });

  it('a browser it does not know is "other", and what the candidate typed is not kept', () => {
    const profile = fromAnswers({ deviceType: 'computer', browser: 'my work laptop from jane.doe@example.com' });
    expect(profile).toMatchObject({ browser: 'other', unsupported: true });
    expect(profile.browserName).toBeUndefined();
    expect(JSON.stringify(profile)).not.toContain('jane');
  });

  it('whether the chat runs on the interview device is kept as answered', () => {
    expect(fromAnswers({ deviceType: 'phone', browser: 'Safari', sameDeviceAsInterview: false }).sameDeviceAsInterview).toBe(false);
  });

  it('answers of the wrong type are dropped, not fatal', () => {
    const odd = { deviceType: 'laptop', browser: 7 } as unknown as Parameters<typeof fromAnswers>[0];
    expect(fromAnswers(odd)).toEqual({ source: 'asked' });
  });
});
