import { activity, post } from './support/activities';
import { startTestBot, type TestBot } from './support/testBot';

const appId = '00000000-0000-4000-8000-000000000001';
let bot: TestBot;
beforeAll(async () => {
  bot = await startTestBot({ MicrosoftAppId: appId, MicrosoftAppPassword: 'not-a-real-secret', MicrosoftAppType: 'MultiTenant' });
});
afterAll(() => bot.close());

const b64 = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');
const jwt = (head: object, body: object) => `${b64(head)}.${b64(body)}.${Buffer.from('not-a-signature').toString('base64url')}`;
const now = () => Math.floor(Date.now() / 1000);
const valid = { iss: 'https://api.botframework.com', aud: appId, exp: now() + 3600, nbf: now() - 60 };
const rs256 = { alg: 'RS256', kid: 'some-key', typ: 'JWT' };
const message = activity('forged-1', { type: 'message', text: 'hello' }, 'https://smba.trafficmanager.net/emea/');

describe('with MicrosoftAppId set, a forged request is refused with 401', () => {
  test.each([
    ['no token', undefined],
    ['not a JWT', 'Bearer hello'],
    ['an unsigned token (alg none)', `Bearer ${jwt({ alg: 'none' }, valid)}`],
    ['an expired token', `Bearer ${jwt(rs256, { ...valid, exp: now() - 3600 })}`],
    ['a token for another bot', `Bearer ${jwt(rs256, { ...valid, aud: 'someone-else' })}`],
    ['a token from an unknown issuer', `Bearer ${jwt(rs256, { ...valid, iss: 'https://evil.example.com' })}`],
  ])('%s', async (_name, authorization) => {
    const { status, body } = await post(bot.url, message, authorization ? { authorization } : {});
    expect(status).toBe(401);
    expect(body.message).toEqual(expect.any(String));
  });

  test('a well-formed token with a forged signature is refused even though the signing keys cannot be fetched', async () => {
    const { status } = await post(bot.url, message, { authorization: `Bearer ${jwt(rs256, valid)}` });
    expect(status).toBe(401);
  });
});

test('with MicrosoftAppId set, a serviceUrl that is not https (or loopback) is refused before any reply is sent', async () => {
  const { status, body } = await post(bot.url, { ...message, serviceUrl: 'http://10.0.0.5:8080/' }, { authorization: `Bearer ${jwt(rs256, valid)}` });
  expect(status).toBe(400);
  expect(body.message).toMatch(/https/);
});
