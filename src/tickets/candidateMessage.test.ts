import { aDraft } from './fixtures/drafts';
import { chatMessage, emailMessage, linkified } from './candidateMessage';
import { Ticket } from './ticket';

const ticket = Ticket.parse({ ...aDraft(), id: 'CS-000123', createdAt: '2025-03-04T10:00:00.000Z' });

test('a candidate reads who wrote, as a recruiter, and which ticket it is about, before the message', () => {
  expect(chatMessage('CS-000123', { by: 'Sam Recruiter', text: 'Try the new link.' })).toBe(
    'Message from Sam Recruiter, recruiter, about ticket CS-000123:\n\nTry the new link.',
  );
});

test('a recruiter\'s lines stay lines in the chat, paragraphs stay paragraphs', () => {
  expect(chatMessage('CS-000123', { by: 'Sam', text: 'Hello Ada,\nthe link is reset.\n\nSam' })).toBe(
    'Message from Sam, recruiter, about ticket CS-000123:\n\nHello Ada,  \nthe link is reset.\n\nSam',
  );
});

test('a web address in a reply is shown as a link, its sentence\'s full stop left outside it', () => {
  expect(linkified('New link: https://interviews.example.com/i/abc?x=1. Good luck')).toBe(
    'New link: [https://interviews.example.com/i/abc?x=1](https://interviews.example.com/i/abc?x=1). Good luck',
  );
  // A link the recruiter already wrote as Markdown stays as it is.
  expect(linkified('[your link](https://example.com/i/2) or <https://example.com/i/3>')).toBe('[your link](https://example.com/i/2) or <https://example.com/i/3>');
  expect(linkified('no address, just ftp://example.com')).toBe('no address, just ftp://example.com');
});

test('a recruiter\'s name cannot format the introduction (bold, links)', () => {
  expect(chatMessage('CS-000123', { by: '**Boss** [x](https://evil.example)', text: 'hi' })).toMatch(/^Message from \\\*\\\*Boss\\\*\\\* \\\[x\\\]\(https:\/\/evil.example\), recruiter/);
});

test('the email to the candidate is plain, short, addressed to them, and names the ticket and the job', () => {
  const mail = emailMessage(ticket, { by: 'Sam Recruiter', text: 'Here is a new link: https://example.com/i/2' }, 1);
  expect(mail.to).toBe(ticket.candidate.email);
  expect(mail.subject).toBe('Your interview: a message from Sam Recruiter (ticket CS-000123)');
  expect(mail.text).toContain(`Hello ${ticket.candidate.name},`);
  expect(mail.text).toContain('Sam Recruiter, recruiter, wrote about your ticket CS-000123 (Warehouse Supervisor at Northwind Traders):');
  expect(mail.text).toContain('Here is a new link: https://example.com/i/2');
  expect(mail.text.split('\n').length).toBeLessThan(15);
  expect(mail.messageId).toBe('cs-000123.reply-1');
});
