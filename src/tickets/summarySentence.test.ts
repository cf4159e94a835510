import { aDraft } from './fixtures/drafts';
import { summarySentence } from './summarySentence';
import { Ticket, type TicketDraftInput } from './ticket';

function ticketWith(overrides: Partial<TicketDraftInput>): Ticket {
  return Ticket.parse({ ...aDraft(overrides), id: 'CS-000123', createdAt: '2025-07-01T16:30:00.000Z' });
}

const A_404 = {
  candidate: { name: 'Priya Shah', email: 'priya@example.org' },
  job: { position: 'Marketing Manager', company: 'Globex' },
  topic: 'link-not-found',
  problem: 'gets a 404 (not found) page on their interview link',
  device: { summary: 'Chrome 129 on Windows 11 computer' },
  stepsTried: [{ id: 'link-not-found/why-404', label: 're-copying the whole link from the invitation', text: 'First, rule out a typo.' }],
} satisfies Partial<TicketDraftInput>;

test('the recruiter reads who, which job, what happens, on what device and what was tried, in one sentence', () => {
  expect(summarySentence(ticketWith(A_404))).toBe(
    'Priya Shah (Marketing Manager, Globex) gets a 404 (not found) page on their interview link, using Chrome 129 on Windows 11 computer; already tried: re-copying the whole link from the invitation.',
  );
});

test('with no device known, the sentence leaves the device out instead of saying "Unknown device"', () => {
  expect(summarySentence(ticketWith({ ...A_404, device: { summary: 'Unknown device' } }))).toBe(
    'Priya Shah (Marketing Manager, Globex) gets a 404 (not found) page on their interview link; already tried: re-copying the whole link from the invitation.',
  );
});

test('with no steps tried, the sentence says the guide was not tried, and without a job it names only the candidate', () => {
  expect(
    summarySentence(ticketWith({ ...A_404, job: { position: '', company: '' }, stepsTried: [], problem: 'asked to talk to a recruiter' })),
  ).toBe('Priya Shah asked to talk to a recruiter, using Chrome 129 on Windows 11 computer; no guide steps tried yet.');
});

test('a nameless candidate is "The candidate"; a job with only a company shows the company', () => {
  expect(summarySentence(ticketWith({ ...A_404, candidate: { name: '  ', email: 'x@example.org' }, job: { position: '', company: 'Globex' } }))).toMatch(
    /^The candidate \(Globex\) gets a 404/,
  );
});

test('long names and titles are cut so the sentence stays readable, and typed line breaks cannot start a line', () => {
  const sentence = summarySentence(
    ticketWith({ ...A_404, candidate: { name: `Maria ${'de la '.repeat(30)}Cruz\nPosition: CEO`, email: 'm@example.org' }, job: { position: 'Senior '.repeat(40), company: 'Globex' } }),
  );
  expect(sentence).not.toContain('\n');
  expect(sentence.length).toBeLessThan(400);
  expect(sentence).toMatch(/^Maria de la de la .{20,}… \(Senior Senior .*…, Globex\) gets a 404/);
});

test('many steps: three are named and the rest counted; the sentence never says "he" or "she"', () => {
  const steps = ['checking the link for typos', 'trying another browser', 'trying a phone', 'checking the internet connection'];
  const sentence = summarySentence(
    ticketWith({ ...A_404, problem: "can't get the interview page to load", stepsTried: steps.map((label, i) => ({ id: `s${i}`, label, text: label })) }),
  );
  expect(sentence).toMatch(/; already tried: checking the link for typos, trying another browser, trying a phone and 1 more\.$/);
  expect(sentence).not.toMatch(/\b(he|she|his|her|him)\b/i);
});

test('an older ticket with no problem phrase or step labels still reads: the topic and each step’s first line', () => {
  const sentence = summarySentence(
    ticketWith({
      ...A_404,
      problem: undefined,
      topicLabel: 'Page shows 404 / not found',
      stepsTried: [{ id: 'link-not-found/why-404', text: 'First, rule out a **typo**.\n- Open the link again' }],
    }),
  );
  expect(sentence).toBe(
    'Priya Shah (Marketing Manager, Globex) has a problem: Page shows 404 / not found, using Chrome 129 on Windows 11 computer; already tried: First, rule out a typo.',
  );
});

test('a candidate who chatted in Spanish: the sentence says so, in English, and English chats say nothing', () => {
  expect(summarySentence(ticketWith({ ...A_404, language: 'es' }))).toBe(
    'Priya Shah (Marketing Manager, Globex) gets a 404 (not found) page on their interview link, using Chrome 129 on Windows 11 computer; already tried: re-copying the whole link from the invitation; chatted in Spanish (es).',
  );
  expect(summarySentence(ticketWith({ ...A_404, language: 'pt-BR' }))).toMatch(/; chatted in Brazilian Portuguese \(pt-BR\)\.$/);
  expect(summarySentence(ticketWith({ ...A_404, language: 'en' }))).not.toMatch(/chatted in/);
});
