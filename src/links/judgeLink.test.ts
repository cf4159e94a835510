import { HOSTS } from './fixtures/wrapped';
import { judgeLink } from './judgeLink';

const judge = (url: string, linkShape?: RegExp) => judgeLink(new URL(url), { hosts: HOSTS, ...(linkShape ? { linkShape } : {}) });

describe('a link is judged against the interview platform’s hosts', () => {
  it('the platform’s own link over https: nothing to say', () => {
    expect(judge('https://app.hirevire.com/i/7Gx2Qk')).toEqual([]);
  });

  it('http is noted (https is what to use)', () => {
    expect(judge('http://app.hirevire.com/i/7Gx2Qk')).toEqual([{ kind: 'insecure' }]);
  });

  it('another host is named, with the hosts expected', () => {
    expect(judge('https://forms.example.org/apply/7Gx2Qk')).toEqual([{ kind: 'not-platform-host', host: 'forms.example.org', expected: HOSTS }]);
  });

  it.each([
    ['a letter changed', 'https://app.hirevlre.com/i/7Gx2Qk', 'app.hirevlre.com', 'spelling'],
    ['two letters swapped', 'https://app.hiervire.com/i/7Gx2Qk', 'app.hiervire.com', 'spelling'],
    ['a hyphen for the dot', 'https://app-hirevire.com/i/7Gx2Qk', 'app-hirevire.com', 'hyphen'],
    ['a hyphen inside the name', 'https://hire-vire.com/i/7Gx2Qk', 'hire-vire.com', 'hyphen'],
    ['another suffix', 'https://app.hirevire.co/i/7Gx2Qk', 'app.hirevire.co', 'other-suffix'],
    ['the real host in front of another domain', 'https://app.hirevire.com.evil.io/i/7Gx2Qk', 'app.hirevire.com.evil.io', 'real-host-in-front'],
  ])('a look-alike host is warned about more strongly: %s', (_case, url, host, how) => {
    expect(judge(url)).toEqual([{ kind: 'look-alike', host, of: expect.any(String), how }]);
  });

  it('the platform’s own subdomain that isn’t listed is another host, not a look-alike', () => {
    expect(judge('https://eu.hirevire.com/i/7Gx2Qk')).toEqual([{ kind: 'not-platform-host', host: 'eu.hirevire.com', expected: HOSTS }]);
  });

  it.each([
    ['only the host', 'https://app.hirevire.com', 'host-only'],
    ['a path ending in a slash', 'https://app.hirevire.com/interview/', 'ends-with-separator'],
    ['a query ending in =', 'https://app.hirevire.com/i/7Gx2Qk?invite=', 'ends-with-separator'],
  ])('a link cut short says so: %s', (_case, url, why) => {
    expect(judge(url)).toEqual([{ kind: 'cut-short', why }]);
  });

  it('shorter than the platform’s links, when their shape is known', () => {
    const shape = /^https:\/\/app\.hirevire\.com\/i\/[A-Za-z0-9]{6}(\?|$)/;
    expect(judge('https://app.hirevire.com/i/7Gx', shape)).toEqual([{ kind: 'cut-short', why: 'unlike-platform-links' }]);
    expect(judge('https://app.hirevire.com/i/7Gx2Qk', shape)).toEqual([]);
  });

  it('without the platform’s hosts, hosts aren’t judged', () => {
    expect(judgeLink(new URL('https://anything.example/i/1'), { hosts: [] })).toEqual([]);
  });
});
