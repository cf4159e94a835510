import { aDraft } from './fixtures/drafts';
import { browserDetails, createdLine, escapeHtml, renderHtml, renderText, subjectLine } from './renderTicket';
import { Ticket, type TicketDraftInput } from './ticket';

function ticketWith(overrides: Partial<TicketDraftInput>): Ticket {
  return Ticket.parse({ ...aDraft(overrides), id: 'CS-000123', createdAt: '2025-07-01T16:30:00.000Z' });
}

test('a candidate cannot fake a line of the email by typing line breaks', () => {
  const text = renderText(
    ticketWith({
      candidate: { name: 'Sam\nPosition:               CEO', email: 'sam@example.org' },
      errorText: 'It broke\nSteps the bot already suggested:\n  1. Give me the job',
    }),
  );
  const lines = text.split('\n');
  expect(lines.filter((line) => line.startsWith('Position:'))).toEqual(['Position:               Warehouse Supervisor']);
  expect(lines.filter((line) => line.startsWith('Steps the bot already suggested'))).toHaveLength(1);
  expect(lines).toContain('  | Steps the bot already suggested:');
  expect(lines).toContain('  |   1. Give me the job');
  expect(lines).toContain('Candidate:              Sam Position: CEO');
});

test.each([
  ['in the candidate’s zone when it is known', 'America/New_York', '2025-07-01 16:30 UTC (1 Jul 2025, 12:30 GMT-4 for the candidate)'],
  ['in UTC only when the zone is not a real one', 'Mars/Olympus_Mons', '2025-07-01 16:30 UTC'],
  ['in UTC only when no zone was detected', undefined, '2025-07-01 16:30 UTC'],
])('the recruiter sees when the ticket was opened, %s', (_name, timezone, expected) => {
  expect(createdLine(ticketWith({ timezone }))).toBe(expected);
});

test('without a topic label the subject names the topic id, and an unknown job still reads', () => {
  expect(subjectLine(ticketWith({ topicLabel: undefined, job: { position: '', company: '' } }))).toBe(
    '[CS-000123] Interview link problem: page-wont-load — unknown position',
  );
});

test('a device the bot knows nothing about says so instead of listing blanks', () => {
  const ticket = ticketWith({ device: { summary: 'Unknown device' } });
  expect(browserDetails(ticket)).toEqual([]);
  expect(renderText(ticket)).toContain('Browser details:\n  (nothing detected)\n');
});

test('the plain-text email opens with the summary sentence, the suggested action and the steps tried as short labels', () => {
  const lines = renderText(ticketWith({})).split('\n');
  expect(lines.slice(0, 8)).toEqual([
    "Zoë Quartermaine (Warehouse Supervisor, Northwind Traders) can't get the interview page to load, using Chrome 129 on Windows 11 computer; already tried: checking the link for typos and trying another browser.",
    '',
    'Suggested action: Check that the link opens, then send a new link or suggest another way to record.',
    '',
    'Already tried:',
    '  - checking the link for typos',
    '  - trying another browser',
    '',
  ]);
});

test('advice a ticket kept in Markdown (tickets opened before) reads plainly, its steps on lines of their own', () => {
  const text = renderText(
    ticketWith({
      stepsTried: [{ id: 'link-not-found/why-404', text: 'First, rule out a typo.\n- Open the link again, or copy the **whole** link.\n- Check the end of it.' }],
      transcript: [{ from: 'bot', text: 'Click **Resume** \\(not Start New\\)', at: '2025-07-01T16:29:00.000Z' }],
    }),
  );
  expect(text).toContain('  1. First, rule out a typo.\n     - Open the link again, or copy the whole link.\n     - Check the end of it.\n');
  expect(text).toContain('  [2025-07-01T16:29:00.000Z] bot: Click Resume (not Start New)\n');
  expect(text).not.toMatch(/\*\*|\\\(/);
});

test('a device check, when the ticket has one, is listed with what it found', () => {
  const text = renderText(
    ticketWith({ deviceCheck: { camera: 'denied', microphone: 'granted', getUserMedia: 'NotAllowedError', videoInputs: 1, audioInputs: 2, checkedAt: '2025-07-01T16:20:00.000Z' } }),
  );
  expect(text).toContain(
    'Device check:           camera denied, microphone granted; the browser said NotAllowedError; 1 camera and 2 microphones found; checked 2025-07-01T16:20:00.000Z\n',
  );
});

test('a check the conversation ran shows as what it found, in words', () => {
  expect(renderText(ticketWith({ deviceCheck: { outcome: 'blocked' } }))).toContain('Device check:           the browser blocks the camera or microphone\n');
  expect(renderText(ticketWith({}))).not.toContain('Device check:');
});

describe('the interview link the candidate pasted', () => {
  const WRAPPED_AND_CUT = {
    url: 'https://app.hirevire.com/i/',
    host: 'app.hirevire.com',
    findings: [
      { kind: 'wrapped', by: 'Microsoft Safe Links' },
      { kind: 'cut-short', why: 'ends-with-separator' },
    ],
  };
  const FINDINGS = 'wrapped by Microsoft Safe Links (taken off); looks cut short: it ends in a separator such as / ? = or -';

  test('shows cleaned, with what was found, just after the device check', () => {
    const text = renderText(ticketWith({ deviceCheck: { outcome: 'blocked' }, interviewLink: WRAPPED_AND_CUT }));
    expect(text).toContain(
      [
        'Device check:           the browser blocks the camera or microphone',
        '',
        'Interview link:         https://app.hirevire.com/i/',
        `Link findings:          ${FINDINGS}`,
        '',
        'Browser details:',
      ].join('\n'),
    );
    const html = renderHtml(ticketWith({ interviewLink: WRAPPED_AND_CUT }));
    expect(html).toContain('<h3>Interview link</h3>');
    expect(html).toContain('<tr><th align="left" valign="top">Interview link</th><td>https://app.hirevire.com/i/</td></tr>');
    expect(html).toContain(`<tr><th align="left" valign="top">Link findings</th><td>${escapeHtml(FINDINGS)}</td></tr>`);
  });

  test('a look-alike of the platform’s host is the first thing the findings say', () => {
    const lookAlike = {
      url: 'http://app-hirevire.com/i/abc',
      host: 'app-hirevire.com',
      findings: [{ kind: 'insecure' }, { kind: 'look-alike', host: 'app-hirevire.com', of: 'app.hirevire.com', how: 'hyphen' }],
    };
    expect(renderText(ticketWith({ interviewLink: lookAlike }))).toContain(
      'Link findings:          possible phishing: app-hirevire.com imitates app.hirevire.com (its name with a hyphen added or moved); starts with http:, not https:\n',
    );
    expect(renderHtml(ticketWith({ interviewLink: lookAlike }))).toContain('<td>possible phishing: app-hirevire.com imitates');
  });

  test('is text that can’t become markup or fake a line: escaped in HTML, one line in text', () => {
    const hostile = { url: 'https://evil.example/"><a href="https://evil.example">Reset</a>\nCandidate: CEO', host: 'evil.example', findings: [{ kind: 'not-platform-host', host: '<b>evil</b>', expected: [] }] };
    const html = renderHtml(ticketWith({ interviewLink: hostile }));
    expect(html).not.toContain('<a href');
    expect(html).not.toContain('<b>evil');
    expect(html).toContain('<td>https://evil.example/&#34;&#62;&#60;a href=&#34;https://evil.example&#34;&#62;Reset&#60;/a&#62; Candidate: CEO</td>');
    expect(html).toContain('<td>not on the platform&#39;s host (&#60;b&#62;evil&#60;/b&#62;)</td>');
    const lines = renderText(ticketWith({ interviewLink: hostile })).split('\n');
    expect(lines.filter((line) => line.startsWith('Candidate:'))).toEqual(['Candidate:              Zoë Quartermaine']);
  });

  test('a finding of a kind this version doesn’t know still shows', () => {
    const newer = { url: 'https://app.hirevire.com/i/abc', host: 'app.hirevire.com', findings: [{ kind: 'redirects', to: 'elsewhere.example' }] };
    expect(renderText(ticketWith({ interviewLink: newer }))).toContain('Link findings:          redirects (to: elsewhere.example)\n');
    expect(renderHtml(ticketWith({ interviewLink: newer }))).toContain('<td>redirects (to: elsewhere.example)</td>');
  });

  test('a ticket without one reads exactly as before: the link adds its lines and nothing else', () => {
    const without = ticketWith({});
    const withLink = ticketWith({ interviewLink: WRAPPED_AND_CUT });
    expect(renderText(without)).not.toMatch(/Interview link|Link findings/);
    expect(renderHtml(without)).not.toMatch(/Interview link|Link findings/);
    expect(renderText(withLink).replace(`Interview link:         https://app.hirevire.com/i/\nLink findings:          ${FINDINGS}\n\n`, '')).toBe(renderText(without));
    expect(renderHtml(withLink).replace(/<h3>Interview link<\/h3>\n<table cellpadding="4">\n.*\n.*\n<\/table>\n/, '')).toBe(renderHtml(without));
  });
});
