import { withoutLinks, findLinks } from './findLinks';

const urls = (message: string) => findLinks(message).map((link) => link.url);

describe('the link a candidate pastes is found in whatever they wrote around it', () => {
  it.each([
    ['a full stop after it', 'my link is https://app.hirevire.com/i/7Gx2Qk.', 'https://app.hirevire.com/i/7Gx2Qk'],
    ['a comma and more words', 'https://app.hirevire.com/i/7Gx2Qk, it says expired', 'https://app.hirevire.com/i/7Gx2Qk'],
    ['angle brackets, as plain-text mail writes links', 'Start here: <https://app.hirevire.com/i/7Gx2Qk>', 'https://app.hirevire.com/i/7Gx2Qk'],
    ['double quotes', 'the button goes to "https://app.hirevire.com/i/7Gx2Qk"', 'https://app.hirevire.com/i/7Gx2Qk'],
    ['curly quotes', 'it was “https://app.hirevire.com/i/7Gx2Qk”!', 'https://app.hirevire.com/i/7Gx2Qk'],
    ['inside parentheses', 'the invite (https://app.hirevire.com/i/7Gx2Qk) fails', 'https://app.hirevire.com/i/7Gx2Qk'],
    ['its own balanced parentheses kept', 'see https://app.hirevire.com/jobs/Sales_(EMEA)/7Gx2Qk).', 'https://app.hirevire.com/jobs/Sales_(EMEA)/7Gx2Qk'],
    ['no scheme: https is assumed', 'app.hirevire.com/i/7Gx2Qk doesnt open', 'https://app.hirevire.com/i/7Gx2Qk'],
  ])('%s', (_case, message, url) => {
    expect(urls(message)).toEqual([url]);
  });

  it('a link plain-text mail broke across two lines is joined again', () => {
    const [link] = findLinks('Your interview: https://app.hirevire.com/i/7Gx2Qk?invite=\nab12cd34&lang=en\nGood luck!');
    expect(link).toMatchObject({ url: 'https://app.hirevire.com/i/7Gx2Qk?invite=ab12cd34&lang=en', schemeWritten: true, rejoined: true });
  });

  it('a link broken after a slash, in a quoted reply, is joined again', () => {
    expect(urls('> https://app.hirevire.com/interview/\n> 7Gx2Qk-ab12\n')).toEqual(['https://app.hirevire.com/interview/7Gx2Qk-ab12']);
  });

  it('words on the next line are not taken for the link', () => {
    expect(findLinks('https://app.hirevire.com/i/7Gx2Qk\nthanks for your help').map((l) => [l.url, l.rejoined])).toEqual([['https://app.hirevire.com/i/7Gx2Qk', false]]);
    expect(urls('https://app.hirevire.com/i/7Gx2Qk.\nhttps://hirevire.com/help')).toEqual(['https://app.hirevire.com/i/7Gx2Qk', 'https://hirevire.com/help']);
  });

  it('an email address or a message without a link finds nothing', () => {
    expect(urls('write to ana.lima@example.com please')).toEqual([]);
    expect(urls('the page stays white after I click start')).toEqual([]);
  });

  it('http is kept as written', () => {
    expect(findLinks('http://app.hirevire.com/i/7Gx2Qk')).toEqual([{ url: 'http://app.hirevire.com/i/7Gx2Qk', schemeWritten: true, rejoined: false, ellipsis: false, start: 0, end: 32 }]);
  });

  it('what the candidate said around the links is kept, the links taken out', () => {
    expect(withoutLinks('my link https://app.hirevire.com/i/7Gx2Qk?invite=\nab12cd34 says 404')).toBe('my link says 404');
    expect(withoutLinks('see https://a.example/x and https://b.example/y please')).toBe('see and please');
    expect(withoutLinks('no link here')).toBe('no link here');
  });

  it('"Questions?" on the line after a link is prose, not the link\'s rest', () => {
    expect(findLinks('Your interview: https://app.hirevire.com/i/Ab12Cd\nQuestions? Reply to this email.').map((l) => [l.url, l.rejoined])).toEqual([['https://app.hirevire.com/i/Ab12Cd', false]]);
    expect(findLinks('https://app.hirevire.com/i/Ab12Cd\nPreguntas? escríbanos').map((l) => l.url)).toEqual(['https://app.hirevire.com/i/Ab12Cd']);
  });

  it('a name with a dot ("Booking.com", "ASP.NET") is no pasted link; the same with a scheme or a path is', () => {
    expect(urls('I applied at Booking.com and used ASP.NET')).toEqual([]);
    expect(urls('https://booking.com and app.hirevire.com/i/7Gx2Qk')).toEqual(['https://booking.com', 'https://app.hirevire.com/i/7Gx2Qk']);
  });
});
