import { createLinkReader } from './readLink';
import type { LiveCheck, LiveCheckOptions } from './liveCheck';

const hosts = ['app.hirevire.com', 'hirevire.com'];

/** A live check that answers `answer` and remembers what it was asked. */
function spyCheck(answer: LiveCheck) {
  const asked: Array<{ url: string; options: LiveCheckOptions }> = [];
  return { asked, checkLive: async (url: string, options: LiveCheckOptions) => (asked.push({ url, options }), answer) };
}

describe('reading the link in a candidate message', () => {
  it('a message without a link reads nothing and asks nothing', async () => {
    const spy = spyCheck({ outcome: 'gone', status: 404 });
    const read = createLinkReader({ hosts, live: {}, checkLive: spy.checkLive });
    expect(await read('my link says 404')).toBeUndefined();
    expect(spy.asked).toEqual([]);
  });

  it('with the live check off, a platform link is diagnosed and never asked', async () => {
    const spy = spyCheck({ outcome: 'gone', status: 404 });
    const read = createLinkReader({ hosts, checkLive: spy.checkLive });
    expect(await read('https://app.hirevire.com/i/7Gx2QkAb12')).toEqual({ url: 'https://app.hirevire.com/i/7Gx2QkAb12', host: 'app.hirevire.com', findings: [] });
    expect(spy.asked).toEqual([]);
  });

  it('with it on, the unwrapped platform link is asked once, on the platform hosts only, and the answer is a finding', async () => {
    const spy = spyCheck({ outcome: 'gone', status: 404 });
    const checked: LiveCheck[] = [];
    const read = createLinkReader({ hosts, live: { timeoutMs: 500 }, checkLive: spy.checkLive, onChecked: (check) => checked.push(check) });
    const wrapped = `https://www.google.com/url?q=${encodeURIComponent('https://app.hirevire.com/i/7Gx2QkAb12')}&sa=D`;
    expect((await read(wrapped))?.findings).toEqual([{ kind: 'wrapped', by: 'Google redirect' }, { kind: 'checked', outcome: 'gone', status: 404 }]);
    expect(spy.asked).toEqual([{ url: 'https://app.hirevire.com/i/7Gx2QkAb12', options: { timeoutMs: 500, hosts } }]);
    expect(checked).toEqual([{ outcome: 'gone', status: 404 }]);
  });

  it.each([
    ['a look-alike of the platform', 'https://app.hirewire.com/i/7Gx2QkAb12'],
    ['another site', 'https://www.youtube.com/watch?v=dQw4w9WgXcQ'],
    ['a link cut short', 'https://app.hirevire.com/'],
    ['a link Mimecast still wraps', 'https://protect-us.mimecast.com/s/AbCdEfGh?domain=app.hirevire.com'],
  ])('%s is never asked', async (_, message) => {
    const spy = spyCheck({ outcome: 'works', status: 200 });
    const read = createLinkReader({ hosts, live: {}, checkLive: spy.checkLive });
    const diagnosis = await read(message);
    expect(diagnosis?.url).not.toBeNull();
    expect(diagnosis?.findings.some((finding) => finding.kind === 'checked')).toBe(false);
    expect(spy.asked).toEqual([]);
  });
});
