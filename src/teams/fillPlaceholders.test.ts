import { fillPlaceholders } from './fillPlaceholders';

test('placeholders are filled wherever they are, and a value cannot break the JSON', () => {
  const template = { id: '{{ID}}', bots: [{ botId: '{{ID}}', scopes: ['personal'] }], validDomains: ['{{DOMAIN}}'], accentColor: '#2B5FD9', count: 1 };
  const { manifest, problems } = fillPlaceholders(template, { ID: 'a"b', DOMAIN: 'bot.contoso.com' });
  expect(problems).toEqual([]);
  expect(manifest).toEqual({ id: 'a"b', bots: [{ botId: 'a"b', scopes: ['personal'] }], validDomains: ['bot.contoso.com'], accentColor: '#2B5FD9', count: 1 });
});

test('a placeholder without a value is named by its JSON path', () => {
  const { problems } = fillPlaceholders({ developer: { privacyUrl: 'https://{{HOST}}/privacy' } }, {});
  expect(problems).toEqual(['manifest.json /developer/privacyUrl: {{HOST}} has no value']);
});
