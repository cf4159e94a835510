import { diagnose } from './diagnoseLink';
import { googleRedirect, HOSTS, INTERVIEW, proofpointV2, safeLinks } from './fixtures/wrapped';

const doctor = (message: string) => diagnose(message, { hosts: HOSTS });

describe('the link doctor reads the link a candidate pastes', () => {
  it('a Safe Links link from Outlook gives back the real interview link, and says who wrapped it', () => {
    expect(doctor(`this one says 404: ${safeLinks(INTERVIEW)}`)).toEqual({
      url: INTERVIEW,
      host: 'app.hirevire.com',
      findings: [{ kind: 'wrapped', by: 'Microsoft Safe Links' }],
    });
  });

  it('three wrappers deep (Safe Links, Proofpoint, Google) are all named, outermost first', () => {
    expect(doctor(`<${safeLinks(proofpointV2(googleRedirect(INTERVIEW)))}>`).findings).toEqual([
      { kind: 'wrapped', by: 'Microsoft Safe Links' },
      { kind: 'wrapped', by: 'Proofpoint URL Defense v2' },
      { kind: 'wrapped', by: 'Google redirect' },
    ]);
  });

  it('a Mimecast link can’t be read here: the link stays and nothing is said about its host', () => {
    const mimecast = 'https://protect-eu.mimecast.com/s/Xk1aC8qRzt9vWnQ3hYgKp?domain=app.hirevire.com';
    expect(doctor(`${mimecast} expired??`)).toEqual({
      url: mimecast,
      host: 'protect-eu.mimecast.com',
      findings: [{ kind: 'cannot-unwrap', by: 'Mimecast', reason: 'server-side', domain: 'app.hirevire.com' }],
    });
  });

  it('a phishing copy of the invitation is warned about, naming its real host', () => {
    expect(doctor('Is this real? https://app.hirevire.com.evil.io/i/7Gx2Qk asks for my bank details')).toEqual({
      url: 'https://app.hirevire.com.evil.io/i/7Gx2Qk',
      host: 'app.hirevire.com.evil.io',
      findings: [{ kind: 'look-alike', host: 'app.hirevire.com.evil.io', of: 'app.hirevire.com', how: 'real-host-in-front' }],
    });
  });

  it('a wrapped look-alike over http: wrapper, http and look-alike, in that order', () => {
    expect(doctor(googleRedirect('http://app-hirevire.com/i/7Gx2Qk')).findings).toEqual([
      { kind: 'wrapped', by: 'Google redirect' },
      { kind: 'insecure' },
      { kind: 'look-alike', host: 'app-hirevire.com', of: 'app.hirevire.com', how: 'hyphen' },
    ]);
  });

  it('a link broken across lines and cut short is joined, and what is still missing is said', () => {
    expect(doctor('https://app.hirevire.com/i/\n7Gx2Qk?invite=\n').findings).toEqual([{ kind: 'rejoined' }, { kind: 'cut-short', why: 'ends-with-separator' }]);
  });

  it('a message without a link: nothing', () => {
    expect(doctor('I clicked the link in the email and it says page not found')).toEqual({ url: null, host: null, findings: [] });
  });

  it('two links: the one imitating the platform is diagnosed first, the other counted', () => {
    expect(doctor('I read https://hirevire.com/help/faq then tried https://app.hirevire.co/i/7Gx2Qk')).toEqual({
      url: 'https://app.hirevire.co/i/7Gx2Qk',
      host: 'app.hirevire.co',
      findings: [
        { kind: 'look-alike', host: 'app.hirevire.co', of: 'app.hirevire.com', how: 'other-suffix' },
        { kind: 'more-links', count: 1 },
      ],
    });
    expect(doctor(`https://careers.example.com/jobs/42 and ${safeLinks(INTERVIEW)}`).url).toBe(INTERVIEW);
  });
});

describe('with several links, the interview link is chosen', () => {
  it('the platform’s link before a careers page, a wrapped one before a plain one', () => {
    expect(doctor(`see https://careers.example.com/jobs/42 and ${INTERVIEW}`).url).toBe(INTERVIEW);
    expect(doctor(`https://careers.example.com/jobs/42 or ${googleRedirect('https://jobs.example.net/x/1')}`).url).toBe('https://jobs.example.net/x/1');
  });

  it('a link an app showed shortened ("…") and that was copied so is cut short', () => {
    for (const message of ['link is https://app.hirevire.com/i/abc123?invite=xyz...', 'https://app.hirevire.com/i/abc123?invite=xyz… help', '(https://app.hirevire.com/i/abc1...)']) {
      expect(doctor(message).findings).toEqual([{ kind: 'cut-short', why: 'ellipsis' }]);
    }
    expect(doctor("my link https://app.hirevire.com/i/abc123. thanks...").findings).toEqual([]);
  });

  it('a Mimecast link that names a look-alike domain is warned about, though it stays wrapped', () => {
    const { findings } = doctor("https://protect-us.mimecast.com/s/AbCdEfGh?domain=app.hirewire.com");
    expect(findings[0]).toEqual({ kind: 'look-alike', host: 'app.hirewire.com', of: 'app.hirevire.com', how: 'spelling' });
    expect(findings[1]).toMatchObject({ kind: 'cannot-unwrap', by: 'Mimecast' });
  });
});
