import { readPackageSettings } from './packageSettings';

const valid = { MicrosoftAppId: '6f1f5d3e-2b7a-4c8e-9d41-0a5b3c2e1f90', TEAMS_APP_ID: 'C3A1E9B2-4D5F-4A6B-8C7D-9E0F1A2B3C4D', BOT_DOMAIN: 'bot.contoso.com' };

test('valid settings fill every placeholder, the developer pages defaulting to the bot\'s site', () => {
  expect(readPackageSettings(valid, '1.2.3')).toEqual({
    values: {
      MicrosoftAppId: valid.MicrosoftAppId,
      TEAMS_APP_ID: valid.TEAMS_APP_ID,
      BOT_DOMAIN: 'bot.contoso.com',
      WEBSITE_URL: 'https://bot.contoso.com/',
      PRIVACY_URL: 'https://bot.contoso.com/',
      TERMS_OF_USE_URL: 'https://bot.contoso.com/',
      APP_VERSION: '1.2.3',
    },
    problems: [],
  });
});

test.each([
  ['bot.contoso.com', true],
  ['abc123x4-3978.euw.devtunnels.ms', true],
  ['my-bot.azurewebsites.net', true],
  ['https://bot.contoso.com', false],
  ['bot.contoso.com/api/messages', false],
  ['bot.contoso.com:3978', false],
  ['localhost', false],
  ['127.0.0.1', false],
  ['-bot.contoso.com', false],
  ['bot', false],
  ['bot_contoso.com', false],
])('BOT_DOMAIN %s is accepted: %s', (domain, ok) => {
  expect(readPackageSettings({ ...valid, BOT_DOMAIN: domain }, '1.0.0').problems).toHaveLength(ok ? 0 : 1);
});

test('empty values count as unset, as in .env.example', () => {
  const { problems } = readPackageSettings({ MicrosoftAppId: '', TEAMS_APP_ID: '  ', BOT_DOMAIN: '' }, '1.0.0');
  expect(problems.map((p) => p.split(' ')[0])).toEqual(['MicrosoftAppId', 'TEAMS_APP_ID', 'BOT_DOMAIN']);
  expect(problems.every((p) => p.includes('is not set'))).toBe(true);
});

test.each([
  ['a developer page that is not https', { TEAMS_PRIVACY_URL: 'http://contoso.com/privacy' }, /TEAMS_PRIVACY_URL must be an https:\/\/ URL/],
  ['an id with braces', { TEAMS_APP_ID: `{${valid.TEAMS_APP_ID}}` }, /TEAMS_APP_ID must be a GUID/],
])('%s is a problem', (_name, wrong, message) => {
  expect(readPackageSettings({ ...valid, ...wrong }, '1.0.0').problems.join('\n')).toMatch(message);
});

test('a package.json version Teams would refuse is a problem', () => {
  expect(readPackageSettings(valid, '1.0.0-beta.1').problems).toEqual([expect.stringMatching(/MAJOR\.MINOR\.PATCH/)]);
});
