import { aDraft } from './fixtures/drafts';
import { Ticket, TicketDraft } from './ticket';

const STORED = { id: 'CS-000123', createdAt: '2025-07-01T16:30:00.000Z' };

test('a ticket stored before interview links were read still parses, with no link', () => {
  const older = JSON.parse(JSON.stringify({ ...aDraft(), ...STORED })) as Record<string, unknown>;
  expect(older).not.toHaveProperty('interviewLink');
  const ticket = Ticket.parse(older);
  expect(ticket.interviewLink).toBeUndefined();
  expect(Object.keys(ticket)).not.toContain('interviewLink');
});

test('a finding is checked only for its kind: one this version does not know is kept whole', () => {
  const findings = [
    { kind: 'wrapped', by: 'Microsoft Safe Links' },
    { kind: 'redirects', to: 'evil.example', hops: 2, nested: { a: 1 } },
  ];
  const ticket = Ticket.parse({ ...aDraft({ interviewLink: { url: 'https://app.hirevire.com/i/abc', host: 'app.hirevire.com', findings } }), ...STORED });
  expect(ticket.interviewLink).toEqual({ url: 'https://app.hirevire.com/i/abc', host: 'app.hirevire.com', findings });
});

test('the link is stored inert and clipped, like the candidate’s one-line text; the host may be null', () => {
  const url = `https://evil.example/\u202e\n${'a'.repeat(3000)}`;
  const link = TicketDraft.parse(aDraft({ interviewLink: { url, host: null, findings: [] } })).interviewLink!;
  expect(link.url).toHaveLength(2000);
  expect(link.url.startsWith('https://evil.example/<U+202E> aaa')).toBe(true);
  expect(link.url.endsWith('…')).toBe(true);
  expect(link.host).toBeNull();
});

test('a finding without a kind, or more than 20 findings, is a bug in the bot and refused', () => {
  const draft = (findings: unknown[]) => ({ ...aDraft(), interviewLink: { url: 'https://app.hirevire.com/i/abc', host: 'app.hirevire.com', findings } });
  expect(TicketDraft.safeParse(draft([{ by: 'Microsoft Safe Links' }])).success).toBe(false);
  expect(TicketDraft.safeParse(draft(Array.from({ length: 21 }, () => ({ kind: 'insecure' })))).success).toBe(false);
  expect(TicketDraft.safeParse(draft(Array.from({ length: 20 }, () => ({ kind: 'insecure' })))).success).toBe(true);
});
