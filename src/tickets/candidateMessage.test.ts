import { aDraft } from './fixtures/drafts';
import { chatMessage, emailMessage, linkified } from './candidateMessage';
import { shippedEmailTexts } from './emailTexts';
import { Ticket } from './ticket';

const ticket = Ticket.parse({ ...aDraft(), id: 'CS-000123', createdAt: '2025-03-04T10:00:00.000Z' });
const texts = shippedEmailTexts();
const aTicket = { id: 'CS-000123' };

test('a candidate reads who wrote, as a recruiter, and which ticket it is about, before the message', () => {
  expect(chatMessage(aTicket, { by: 'Sam Recruiter', text: 'Try the new link.' }, texts)).toBe(
    'Message from Sam Recruiter, recruiter, about ticket CS-000123:\n\nTry the new link.',
  );
});

test('a recruiter\'s lines stay lines in the chat, paragraphs stay paragraphs', () => {
  expect(chatMessage(aTicket, { by: 'Sam', text: 'Hello Ada,\nthe link is reset.\n\nSam' }, texts)).toBe(
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
  expect(chatMessage(aTicket, { by: '**Boss** [x](https://evil.example)', text: 'hi' }, texts)).toMatch(/^Message from \\\*\\\*Boss\\\*\\\* \\\[x\\\]\(https:\/\/evil.example\), recruiter/);
});

test('the email to the candidate is plain, short, addressed to them, and names the ticket and the job', () => {
  const mail = emailMessage(ticket, { by: 'Sam Recruiter', text: 'Here is a new link: https://example.com/i/2' }, 1, texts);
  expect(mail.to).toBe(ticket.candidate.email);
  expect(mail.subject).toBe('Your interview: a message from Sam Recruiter (ticket CS-000123)');
  expect(mail.text).toContain(`Hello ${ticket.candidate.name},`);
  expect(mail.text).toContain('Sam Recruiter, recruiter, wrote about your ticket CS-000123 (Warehouse Supervisor at Northwind Traders):');
  expect(mail.text).toContain('Here is a new link: https://example.com/i/2');
  expect(mail.text.split('\n').length).toBeLessThan(15);
  expect(mail.messageId).toBe('cs-000123.reply-1');
});

describe('a candidate who talked to the bot in Spanish', () => {
  const spanish = Ticket.parse({ ...aDraft(), language: 'es', id: 'CS-000124', createdAt: '2025-03-04T10:00:00.000Z' });

  test('reads the recruiter\'s reply introduced in Spanish in the chat, the recruiter\'s own words untouched', () => {
    expect(chatMessage(spanish, { by: 'Sam Recruiter', text: 'Try the new link.' }, texts)).toBe(
      'Mensaje de Sam Recruiter, del equipo de selección, sobre su ticket CS-000124:\n\nTry the new link.',
    );
  });

  test('gets the email in Spanish: subject, greeting, the job, how to answer', () => {
    const mail = emailMessage(spanish, { by: 'Sam Recruiter', text: 'Hola' }, 2, texts);
    expect(mail.subject).toBe('Su entrevista: un mensaje de Sam Recruiter (ticket CS-000124)');
    expect(mail.text).toContain(`Hola, ${spanish.candidate.name}:`);
    expect(mail.text).toContain('(Warehouse Supervisor en Northwind Traders)');
    expect(mail.text).toContain('Responda a este correo');
    expect(mail.messageId).toBe('cs-000124.reply-2');
  });
});

test.each([
  ['pt-PT', /^Mensagem de Sam/],
  ['de', /^Nachricht von Sam/],
  ['fr', /^Message de Sam/],
  ['it', /^Message from Sam/],
])('a ticket in %s introduces the reply accordingly (English when the language is not one of ours)', (language, intro) => {
  expect(chatMessage({ id: 'CS-000125', language }, { by: 'Sam', text: 'hi' }, texts)).toMatch(intro);
});

test('an older ticket without a language parses, and its candidate reads English', () => {
  const old = Ticket.parse({ ...aDraft(), id: 'CS-000126', createdAt: '2025-03-04T10:00:00.000Z' });
  expect(old.language).toBeUndefined();
  expect(emailMessage(old, { by: 'Sam', text: 'hi' }, 1, texts).subject).toMatch(/^Your interview/);
});
