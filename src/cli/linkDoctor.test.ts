import { runLinkDoctor } from './linkDoctor';

function run(argv: string[], input: string, env: NodeJS.ProcessEnv = {}) {
  let out = '';
  let err = '';
  let read: string | undefined = 'not read';
  const code = runLinkDoctor(argv, { env, read: (file) => ((read = file), input), out: (t) => (out += t), err: (t) => (err += t) });
  return { code, lines: out.split('\n').filter(Boolean).map((line) => JSON.parse(line) as unknown), err, read };
}

describe('npm run link-doctor -- FILE', () => {
  const messages = 'http://app.hirevlre.com/i/7Gx2Qk\nno link here\n';

  it('prints one JSON line per message, hosts from INTERVIEW_LINK_HOSTS', () => {
    const { code, lines, read } = run(['messages.txt'], messages, { INTERVIEW_LINK_HOSTS: 'app.hirevire.com, hirevire.com' });
    expect(code).toBe(0);
    expect(read).toBe('messages.txt');
    expect(lines).toEqual([
      { url: 'http://app.hirevlre.com/i/7Gx2Qk', host: 'app.hirevlre.com', findings: [{ kind: 'insecure' }, { kind: 'look-alike', host: 'app.hirevlre.com', of: 'app.hirevire.com', how: 'spelling' }] },
      { url: null, host: null, findings: [] },
    ]);
  });

  it('--hosts wins over the environment; without FILE it reads stdin', () => {
    const { lines, read } = run(['--hosts', 'app.hirevlre.com'], messages, { INTERVIEW_LINK_HOSTS: 'app.hirevire.com' });
    expect(read).toBeUndefined();
    expect(lines[0]).toEqual({ url: 'http://app.hirevlre.com/i/7Gx2Qk', host: 'app.hirevlre.com', findings: [{ kind: 'insecure' }] });
  });

  it('a usage mistake exits 2 and shows the usage', () => {
    const { code, err } = run(['--hosts'], '');
    expect(code).toBe(2);
    expect(err).toMatch(/usage: link-doctor/);
  });

  it('a platform link unlike INTERVIEW_LINK_SHAPE is cut short; a shape that is no regular expression exits 2', () => {
    const env = { INTERVIEW_LINK_HOSTS: 'app.hirevire.com', INTERVIEW_LINK_SHAPE: '^https://app\\.hirevire\\.com/i/[A-Za-z0-9]{8,}$' };
    const { lines } = run([], 'https://app.hirevire.com/i/7Gx2\nhttps://app.hirevire.com/i/7Gx2QkAb12\n', env);
    expect(lines.map((line) => (line as { findings: unknown[] }).findings)).toEqual([[{ kind: 'cut-short', why: 'unlike-platform-links' }], []]);
    expect(run([], 'x', { INTERVIEW_LINK_SHAPE: '([' }).code).toBe(2);
  });
});
