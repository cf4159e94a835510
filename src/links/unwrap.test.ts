import { googleRedirect, INTERVIEW, proofpointV2, safeLinks } from './fixtures/wrapped';
import { unwrap } from './unwrap';

describe('a link company mail security wrapped is given back as the real interview link', () => {
  it('Microsoft Safe Links (Outlook): the `url=` parameter, whatever data and sdata follow', () => {
    expect(unwrap(safeLinks(INTERVIEW))).toEqual({ url: INTERVIEW, wrappers: ['Microsoft Safe Links'] });
  });

  it('Proofpoint URL Defense v1: the percent-encoded `u=`', () => {
    const v1 = 'https://urldefense.proofpoint.com/v1/url?u=https%3A%2F%2Fapp.hirevire.com%2Fi%2F7Gx2Qk%3Finvite%3Dabc&k=7DHVSq1bA3Hp4%2BdMUhCAHg%3D%3D%0A&r=w4Ps1xY7o0k%3D%0A&m=Qz8%3D%0A&s=5a6b7c';
    expect(unwrap(v1)).toEqual({ url: INTERVIEW, wrappers: ['Proofpoint URL Defense v1'] });
  });

  it('Proofpoint URL Defense v2: `-` stands for `%` and `_` for `/`', () => {
    const v2 = 'https://urldefense.proofpoint.com/v2/url?u=https-3A__app.hirevire.com_i_7Gx2Qk-3Finvite-3Dabc&d=DwMFaQ&c=euGZstcaTDllvimEN8b7jXrwqOf-v5A_CdpgnVfiiMM&r=7fWxL0mT9Zq1c3sYh2bJ&m=k3Jd9sQ&s=Zp0x_Yt1&e=';
    expect(proofpointV2(INTERVIEW)).toBe(v2);
    expect(unwrap(v2)).toEqual({ url: INTERVIEW, wrappers: ['Proofpoint URL Defense v2'] });
  });

  it('Proofpoint URL Defense v3: each `*` filled from the base64 bytes after `__;` ("%+" is JSs)', () => {
    const v3 = 'https://urldefense.com/v3/__https://app.hirevire.com/i/7Gx2Qk?name=Ana*20Lima&ref=a*b__;JSs!!euGZstcaTDllvimEN8b7jXrwqOf-v5A_CdpgnVfiiMM!k3Jd9sQZp0xYt1$';
    expect(unwrap(v3)).toEqual({ url: 'https://app.hirevire.com/i/7Gx2Qk?name=Ana%20Lima&ref=a+b', wrappers: ['Proofpoint URL Defense v3'] });
  });

  it('Proofpoint URL Defense v3: a run `**A` is two characters, and bytes may be UTF-8 ("%é" is JcOp)', () => {
    expect(unwrap('https://urldefense.com/v3/__https://app.hirevire.com/i/7Gx2Qk?tag=**A__;Kys!!AbC!xYz$').url).toBe('https://app.hirevire.com/i/7Gx2Qk?tag=++');
    expect(unwrap('https://urldefense.com/v3/__https://app.hirevire.com/i/7Gx2Qk?n=*20Jos*__;JcOp!!AbC!xYz$').url).toBe('https://app.hirevire.com/i/7Gx2Qk?n=%20José');
  });

  it('Google redirect (`q=`, or `url=`) and Barracuda Link Protection (`a=`)', () => {
    expect(unwrap(googleRedirect(INTERVIEW))).toEqual({ url: INTERVIEW, wrappers: ['Google redirect'] });
    expect(unwrap(`https://www.google.com/url?sa=t&url=${encodeURIComponent(INTERVIEW)}&usg=AOvVaw0`).url).toBe(INTERVIEW);
    const barracuda = 'https://linkprotect.cudasvc.com/url?a=https%3a%2f%2fapp.hirevire.com%2fi%2f7Gx2Qk%3finvite%3dabc&c=E,1,kQ9vXh3mZ2pL8sTbYcR1uW4eJ6nA0dF5gH7iK,&typo=1';
    expect(unwrap(barracuda)).toEqual({ url: INTERVIEW, wrappers: ['Barracuda Link Protection'] });
  });

  it('wrappers inside wrappers: Safe Links around Proofpoint v2 around Google, outermost first', () => {
    expect(unwrap(safeLinks(proofpointV2(googleRedirect(INTERVIEW))))).toEqual({
      url: INTERVIEW,
      wrappers: ['Microsoft Safe Links', 'Proofpoint URL Defense v2', 'Google redirect'],
    });
  });

  it('Mimecast can’t be undone offline: the link stays, with the domain Mimecast names', () => {
    const mimecast = 'https://protect-eu.mimecast.com/s/Xk1aC8qRzt9vWnQ3hYgKp?domain=app.hirevire.com';
    expect(unwrap(mimecast)).toEqual({ url: mimecast, wrappers: [], stuck: { by: 'Mimecast', reason: 'server-side', domain: 'app.hirevire.com' } });
  });

  it('a wrapper that doesn’t decode is said to, and the link shown is the wrapped one', () => {
    const broken = 'https://urldefense.com/v3/__https://app.hirevire.com/i/7Gx2Qk?a=*__;!!AbC!xYz$';
    expect(unwrap(broken)).toEqual({ url: broken, wrappers: [], stuck: { by: 'Proofpoint URL Defense v3', reason: 'malformed' } });
  });

  it('stops after 10 wrappers', () => {
    let url = INTERVIEW;
    for (let i = 0; i < 11; i++) url = googleRedirect(url);
    const result = unwrap(url);
    expect(result.wrappers).toHaveLength(10);
    expect(result.tooDeep).toBe(true);
  });

  it('a link nothing wrapped comes back as it was', () => {
    expect(unwrap(INTERVIEW)).toEqual({ url: INTERVIEW, wrappers: [] });
  });
});
