import { aDraft, CANDIDATE_EMAIL, CANDIDATE_ERROR, CANDIDATE_NAME } from '../fixtures/drafts';
import { startSmtpReceiver } from '../fixtures/smtpReceiver';
import { Ticket } from '../ticket';
import { emailSink } from './emailSink';

type Receiver = Awaited<ReturnType<typeof startSmtpReceiver>>;
let smtp: Receiver;

beforeEach(async () => {
  smtp = await startSmtpReceiver();
});

afterEach(async () => {
  await smtp.close();
});

const ticket = Ticket.parse({ ...aDraft(), id: 'CS-000123', createdAt: '2025-03-04T10:00:00.000Z' });
const sinkFor = () => emailSink({ smtpUrl: smtp.url, to: ['recruiting@northwind.example', 'hr@northwind.example'], from: 'tickets@bot.example.com' });

test('the recruiters’ mailbox receives an email naming the ticket, the problem and the job', async () => {
  await sinkFor().deliver(ticket);

  expect(smtp.messages).toHaveLength(1);
  const [{ mail, envelopeTo }] = smtp.messages as [Receiver['messages'][number]];
  expect(envelopeTo).toEqual(['recruiting@northwind.example', 'hr@northwind.example']);
  expect(mail.subject).toBe("[CS-000123] Interview link problem: Page won't load / other error — Warehouse Supervisor at Northwind Traders");
  expect(mail.from?.text).toBe('tickets@bot.example.com');
  expect(mail.headers.get('x-ticket-id')).toBe('CS-000123');
  expect(mail.messageId).toBe('<cs-000123.ticket@bot.example.com>');
});

test('the plain-text email lists everything the recruiter needs to act', async () => {
  await sinkFor().deliver(ticket);
  const text = smtp.messages[0]!.mail.text!;

  for (const expected of [
    CANDIDATE_NAME,
    CANDIDATE_EMAIL,
    'Warehouse Supervisor',
    'Northwind Traders',
    `  | ${CANDIDATE_ERROR}`,
    'Chrome 129 on Windows 11 computer',
    'Chrome 129.0.0.0',
    'Windows 11',
    '  Camera permission:    denied',
    'Mozilla/5.0 (Windows NT 10.0',
    '1. Check the link for typos.',
    '2. Try a different browser. Chrome and Safari work best.',
    'en-GB',
    'Europe/London',
    '2025-03-04 10:00 UTC (4 Mar 2025, 10:00 GMT for the candidate)',
    'Ticket id: CS-000123',
  ]) {
    expect(text).toContain(expected);
  }
});

test('whatever the candidate typed appears in the HTML email as text, never as markup', async () => {
  const hostile = Ticket.parse({
    ...ticket,
    candidate: { name: '<script>alert("name")</script>', email: 'x@example.org"><img src=x onerror=alert(1)>' },
    job: { position: '<b>Boss</b>', company: 'A & B <Co>' },
    errorText: '</pre><a href="https://evil.example">click</a>',
  });
  await sinkFor().deliver(hostile);
  const html = smtp.messages[0]!.mail.html as string;

  expect(html).not.toMatch(/<script|<img|<b>Boss|<a href|<Co>/);
  expect(html).toContain('&#60;script&#62;alert(&#34;name&#34;)&#60;/script&#62;');
  expect(html).toContain('A &#38; B &#60;Co&#62;');
  expect(html).toContain('&#60;/pre&#62;&#60;a href=&#34;https://evil.example&#34;&#62;click&#60;/a&#62;');
  expect(smtp.messages[0]!.mail.subject).toContain('<b>Boss</b> at A & B <Co>'); // a subject is plain text
});

test('a candidate cannot add lines to the subject by typing line breaks', async () => {
  const sneaky = Ticket.parse({ ...ticket, job: { position: 'Clerk\r\nBcc: everyone@example.org', company: 'Acme' } });
  await sinkFor().deliver(sneaky);
  const { mail, envelopeTo } = smtp.messages[0]!;
  expect(mail.subject).toBe("[CS-000123] Interview link problem: Page won't load / other error — Clerk Bcc: everyone@example.org at Acme");
  expect(envelopeTo).not.toContain('everyone@example.org');
});

test('a right-to-left override, a zero-width space or an escape the candidate typed shows in the email as a visible mark', async () => {
  const disguised = Ticket.parse({
    ...ticket,
    candidate: { name: 'Eve \u001b[2J', email: 'eve\u200b@example.org' },
    job: { position: 'Clerk', company: 'Acme \u202egpj.exe' },
    errorText: 'line one\u2028line two \u2066hidden\u2069',
  });
  await sinkFor().deliver(disguised);
  const { mail } = smtp.messages[0]!;
  const everything = [mail.subject, mail.text, mail.html].join('\n');
  expect(everything).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u200b-\u200f\u202a-\u202e\u2066-\u2069\u2028\u2029]/);
  expect(mail.subject).toContain('Clerk at Acme <U+202E>gpj.exe');
  expect(mail.text).toContain('Eve ␛[2J');
  expect(mail.text).toContain('eve<U+200B>@example.org');
  expect(mail.text).toContain('  | line one\n  | line two <U+2066>hidden<U+2069>');
  expect(mail.html).toContain('Acme &#60;U+202E&#62;gpj.exe');
});

test('sending the same ticket again carries the same Message-ID, so the repeat is recognisable', async () => {
  const sink = sinkFor();
  await sink.deliver(ticket);
  await sink.deliver(ticket);
  expect(smtp.messages.map((m) => m.mail.messageId)).toEqual(['<cs-000123.ticket@bot.example.com>', '<cs-000123.ticket@bot.example.com>']);
});

test.each([
  [550, 'permanent'],
  [451, 'transient'],
])('a mail server refusing the message with %i is a %s failure', async (responseCode, kind) => {
  smtp.rejectWith({ responseCode, message: `${responseCode} refused for ${CANDIDATE_EMAIL}` });
  const error = (await sinkFor().deliver(ticket).catch((e: unknown) => e)) as Error;
  expect(error).toMatchObject({ name: 'SinkError', kind, status: responseCode, code: `smtp_${responseCode}` });
  expect(error.message).not.toContain(CANDIDATE_EMAIL);
});

test('a mail server that is down is a transient failure', async () => {
  const { url } = smtp;
  await smtp.close();
  await expect(emailSink({ smtpUrl: url, to: 'r@northwind.example', from: 'tickets@bot.example.com' }).deliver(ticket)).rejects.toMatchObject({
    name: 'SinkError',
    kind: 'transient',
    code: 'ESOCKET',
  });
  smtp = await startSmtpReceiver(); // for afterEach
});
