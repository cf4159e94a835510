import { checkNewInterviewLink } from './newInterviewLink';

describe('a new interview link a recruiter pastes into a ticket card', () => {
  test.each([
    ['https://interviews.example.com/i/abc', 'https://interviews.example.com/i/abc'],
    ['  https://interviews.example.com/i/abc?lang=en  ', 'https://interviews.example.com/i/abc?lang=en'],
  ])('%j is sent as %j', (pasted, sent) => {
    expect(checkNewInterviewLink(pasted)).toEqual({ ok: true, link: sent });
  });

  test.each([
    ['http://x', /must start with https:\/\//],
    ['http://interviews.example.com/i/abc', /must start with https:\/\//],
    ['not a url', /no spaces/],
    ['interviews.example.com/i/abc', /not a web address/],
    ['https://x', /not a full host name/],
    ['https://sam:secret@interviews.example.com/i/abc', /user name or password/],
    ['javascript:alert(1)', /must start with https:\/\//],
    ['', /Paste the new interview link/],
    [undefined, /Paste the new interview link/],
    [`https://interviews.example.com/${'a'.repeat(2000)}`, /longer than 2000/],
  ])('%j is refused, saying why and that nothing was sent', (pasted, why) => {
    const check = checkNewInterviewLink(pasted);
    expect(check.ok).toBe(false);
    expect(!check.ok && check.problem).toMatch(why);
    expect(!check.ok && check.problem).toMatch(/Nothing was sent to the candidate\.$/);
  });
});
