import { parseTeamsClientInfo } from './teamsClientInfo';
import { toFacts } from './toFacts';

const clientInfo = (fields: Record<string, unknown>) => ({ type: 'clientInfo', ...fields });

describe('Teams tells the bot which app the candidate chats from', () => {
  it.each<[string, Record<string, unknown>]>([
    ['Windows', { os: 'windows', deviceType: 'computer' }],
    ['Mac', { os: 'macos', deviceType: 'computer' }],
    ['iOS', { os: 'ios' }],
    ['Android', { os: 'android' }],
    ['Web', {}],
  ])('the %s client', (platform, expected) => {
    const profile = parseTeamsClientInfo([clientInfo({ platform, locale: 'en-US' })])!;
    expect(profile).toMatchObject({ source: 'teams', teamsPlatform: platform, locale: 'en-US', ...expected });
    expect(profile.browser).toBeUndefined();
  });

  it('locale, country and time zone are kept', () => {
    const entities = [
      { type: 'mention', text: '<at>Bot</at>' },
      clientInfo({ platform: 'Web', locale: 'en-US', country: 'us', timezone: 'America/Los_Angeles' }),
    ];
    expect(parseTeamsClientInfo(entities)).toEqual({
      source: 'teams',
      teamsPlatform: 'Web',
      locale: 'en-US',
      country: 'US',
      timezone: 'America/Los_Angeles',
    });
  });

  it('never claims the chat runs on the interview device, even if an entity says so', () => {
    const profile = parseTeamsClientInfo([clientInfo({ platform: 'iOS', sameDeviceAsInterview: true })])!;
    expect(profile.sameDeviceAsInterview).toBeUndefined();
    expect(toFacts(profile).sameDeviceAsInterview).toBeUndefined();
  });

  it('a platform in another case still counts; an unknown one is dropped', () => {
    expect(parseTeamsClientInfo([clientInfo({ platform: 'windows' })])).toMatchObject({ teamsPlatform: 'Windows' });
    expect(parseTeamsClientInfo([clientInfo({ platform: 'Linux', locale: 'de-DE' })])).toEqual({ source: 'teams', locale: 'de-DE' });
  });

  it('fields of the wrong type are dropped, the rest kept', () => {
    expect(parseTeamsClientInfo([clientInfo({ platform: 42, locale: 'en-US', country: 'United States', timezone: {} })])).toEqual({
      source: 'teams',
      locale: 'en-US',
    });
  });
});

describe('activities without a readable clientInfo give no profile', () => {
  it.each([
    ['no entities', undefined],
    ['entities that are not a list', { type: 'clientInfo', platform: 'Windows' }],
    ['an empty list', []],
    ['other entities only', [{ type: 'mention' }, null, 'clientInfo']],
    ['a clientInfo with nothing in it', [{ type: 'clientInfo' }]],
    ['a clientInfo with only junk', [{ type: 'clientInfo', platform: 'Toaster', locale: 12 }]],
  ])('%s', (_, entities) => {
    expect(parseTeamsClientInfo(entities)).toBeUndefined();
  });
});
