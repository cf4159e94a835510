import { createDeviceCheckLinks } from './links';

const secret = 'a-device-check-secret-of-32-chars!!';
const key = 'conversation/msteams/a:1Xyz-teams-conversation';

function clock(start = '2026-03-01T10:00:00Z') {
  let at = new Date(start).getTime();
  return { now: () => new Date(at), advance: (ms: number) => (at += ms) };
}

function tokenOf(link: string): string {
  return new URL(link).searchParams.get('t') ?? '';
}

/** The last of 43 base64url characters carries 2 spare bits: flipping one decodes to the same 32 bytes. */
function sameSignatureOtherSpelling(token: string): string {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
  const edited = token.slice(0, -1) + alphabet[alphabet.indexOf(token.at(-1)!) ^ 1];
  expect(Buffer.from(edited.split('.')[2]!, 'base64url')).toEqual(Buffer.from(token.split('.')[2]!, 'base64url'));
  return edited;
}

describe('device-check links', () => {
  test('a link opens the check page on the public URL, and its token names the conversation', () => {
    const links = createDeviceCheckLinks({ secret, publicUrl: 'https://help.example.com/' });
    const link = links.linkFor(key);
    expect(link).toMatch(/^https:\/\/help\.example\.com\/check\?t=v1\.[\w-]+\.[\w-]+$/);
    expect(links.verify(tokenOf(link))).toMatchObject({ conversationKey: key });
  });

  test('the public URL may be known only once the server listens', () => {
    let port = 0;
    const links = createDeviceCheckLinks({ secret, publicUrl: () => `http://localhost:${port}` });
    port = 4321;
    expect(links.linkFor(key)).toMatch(/^http:\/\/localhost:4321\/check\?t=/);
  });

  test('a link works for 30 minutes, then says it expired', () => {
    const time = clock();
    const links = createDeviceCheckLinks({ secret, publicUrl: 'https://help.example.com', now: time.now });
    const token = links.tokenFor(key);
    time.advance(30 * 60 * 1000 - 1000);
    expect(links.verify(token)).toMatchObject({ conversationKey: key });
    time.advance(1000);
    expect(links.verify(token)).toEqual({ error: 'expired' });
  });

  test('a link signed with another secret is refused (another server, or before a restart without DEVICE_CHECK_SECRET)', () => {
    const ours = createDeviceCheckLinks({ secret, publicUrl: 'https://help.example.com' });
    const theirs = createDeviceCheckLinks({ secret: `${secret}-other`, publicUrl: 'https://help.example.com' });
    expect(ours.verify(theirs.tokenFor(key))).toEqual({ error: 'bad-signature' });
  });

  test('without a configured secret each process signs with its own random one', () => {
    const first = createDeviceCheckLinks({ publicUrl: 'https://help.example.com' });
    const second = createDeviceCheckLinks({ publicUrl: 'https://help.example.com' });
    expect(first.verify(first.tokenFor(key))).toMatchObject({ conversationKey: key });
    expect(second.verify(first.tokenFor(key))).toEqual({ error: 'bad-signature' });
  });

  test('a token edited to point at another conversation is refused', () => {
    const links = createDeviceCheckLinks({ secret, publicUrl: 'https://help.example.com' });
    const [version, , signature] = links.tokenFor(key).split('.');
    const forged = Buffer.from(JSON.stringify({ k: 'conversation/webchat/someone-else', e: 9999999999 })).toString('base64url');
    expect(links.verify(`${version}.${forged}.${signature}`)).toEqual({ error: 'bad-signature' });
  });

  test.each([
    ['"!!" slipped into the signature', (token: string) => `${token.slice(0, -10)}!!${token.slice(-10)}`],
    ['a space appended', (token: string) => `${token} `],
    ['padding appended', (token: string) => `${token}=`],
    ['the same signature spelled with other spare bits', sameSignatureOtherSpelling],
  ])('a token with %s is refused: a valid signature has one spelling only', (_case, edit) => {
    const links = createDeviceCheckLinks({ secret, publicUrl: 'https://help.example.com' });
    expect(links.verify(edit(links.tokenFor(key)))).toHaveProperty('error');
  });

  test('two links for the same conversation are told apart, so each is used up on its own', () => {
    const links = createDeviceCheckLinks({ secret, publicUrl: 'https://help.example.com', now: () => new Date('2026-03-01T10:00:00Z') });
    const [first, second] = [links.verify(links.tokenFor(key)), links.verify(links.tokenFor(key))] as Array<{ linkId: string }>;
    expect(first!.linkId).not.toBe(second!.linkId);
  });

  test.each([
    ['no token', undefined, 'missing'],
    ['an empty token', '', 'missing'],
    ['a word', 'hello', 'malformed'],
    ['another version', 'v2.abc.def', 'malformed'],
    ['too many parts', 'v1.a.b.c', 'malformed'],
    ['a signature of the wrong length', 'v1.eyJrIjoieCJ9.AAAA', 'malformed'],
  ])('%s is refused as %s', (_case, token, problem) => {
    const links = createDeviceCheckLinks({ secret, publicUrl: 'https://help.example.com' });
    expect(links.verify(token)).toEqual({ error: problem });
  });
});
