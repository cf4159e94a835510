import { ConfigurationBotFrameworkAuthentication, type Activity } from 'botbuilder';
import { ReusedClientsAuthentication } from './reusedClients';

/** Local development settings: no app id, so requests are anonymous and no token is ever fetched. */
const configured = () =>
  new ConfigurationBotFrameworkAuthentication({ MicrosoftAppId: '', MicrosoftAppPassword: '', MicrosoftAppType: 'MultiTenant', MicrosoftAppTenantId: '' });

const activity = (serviceUrl: string) => ({ type: 'message', channelId: 'webchat', serviceUrl, conversation: { id: 'c' } }) as Activity;

async function connectorFor(auth: ReusedClientsAuthentication, serviceUrl: string) {
  const result = await auth.authenticateRequest(activity(serviceUrl), '');
  return result.connectorFactory!.create(serviceUrl, result.audience);
}

test('turns from one channel endpoint share one connector client instead of building one each', async () => {
  const auth = new ReusedClientsAuthentication(configured());
  const first = await connectorFor(auth, 'https://smba.trafficmanager.net/emea/');
  const second = await connectorFor(auth, 'https://smba.trafficmanager.net/emea/');
  expect(second).toBe(first);
  expect(first.credentials).toBeDefined();
});

test('another endpoint gets its own connector client, addressed to it', async () => {
  const auth = new ReusedClientsAuthentication(configured());
  const emea = await connectorFor(auth, 'https://smba.trafficmanager.net/emea/');
  const amer = await connectorFor(auth, 'https://smba.trafficmanager.net/amer/');
  expect(amer).not.toBe(emea);
  // baseUri is protected in the typings; it is where the client sends.
  const baseUri = (client: object) => (client as { baseUri?: string }).baseUri;
  expect(baseUri(amer)).toBe('https://smba.trafficmanager.net/amer/');
  expect(baseUri(emea)).toBe('https://smba.trafficmanager.net/emea/');
});

test('the user token client is built once per app', async () => {
  const auth = new ReusedClientsAuthentication(configured());
  const { claimsIdentity } = await auth.authenticateRequest(activity('https://example.test/'), '');
  expect(await auth.createUserTokenClient(claimsIdentity)).toBe(await auth.createUserTokenClient(claimsIdentity));
});

test('a client that failed to build is built again on the next turn, not cached broken', async () => {
  const inner = configured();
  const auth = new ReusedClientsAuthentication(inner);
  const { claimsIdentity } = await auth.authenticateRequest(activity('https://example.test/'), '');
  const real = inner.createUserTokenClient.bind(inner);
  const spy = jest.spyOn(inner, 'createUserTokenClient').mockRejectedValueOnce(new Error('credentials unavailable'));
  await expect(auth.createUserTokenClient(claimsIdentity)).rejects.toThrow('credentials unavailable');
  spy.mockImplementation(real);
  await expect(auth.createUserTokenClient(claimsIdentity)).resolves.toBeDefined();
  expect(spy).toHaveBeenCalledTimes(2);
});
