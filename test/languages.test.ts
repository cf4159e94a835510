import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { Candidate } from './support/candidate';
import { eventually, startWebhookReceiver } from './support/receivers';
import { startTestBot, type TestBot } from './support/testBot';

/**
 * A candidate in each language the bot speaks, over real HTTP: the channel's locale picks the
 * language, a topic typed in it reaches its advice in it, and a full escalation files a ticket the
 * recruiter reads in English, with the candidate's own words unchanged and their language named.
 */

const secret = 'a-webhook-secret-of-some-length';
let bot: TestBot;
let webhook: Awaited<ReturnType<typeof startWebhookReceiver>>;

beforeAll(async () => {
  webhook = await startWebhookReceiver(secret);
  bot = await startTestBot({ TICKET_WEBHOOK_URL: webhook.url, TICKET_WEBHOOK_SECRET: secret });
});
afterAll(async () => {
  await bot.close();
  await webhook.close();
});

/* eslint-disable @typescript-eslint/no-explicit-any */
const words = (language: string, file: string): any => parse(readFileSync(join('flows', 'locales', language, file), 'utf8'));
const english = (file: string): any => parse(readFileSync(join('flows', file), 'utf8'));
const firstLine = (text: string) => text.split('\n')[0]!.trim();

const CANDIDATES = [
  {
    language: 'es', locale: 'es-ES', expired: 'el enlace de mi entrevista dice que ha caducado',
    answers: ['María José García', 'maria.garcia@example.com', 'Analista de datos', 'Acme'], problem: 'la página se queda en blanco después de pulsar el enlace',
  },
  {
    language: 'fr', locale: 'fr-FR', expired: 'le lien de mon entretien a expiré',
    answers: ['Élodie Lefèvre', 'elodie.lefevre@example.com', 'Analyste de données', 'Acme'], problem: 'la page reste blanche quand je clique sur le lien',
  },
  {
    language: 'de', locale: 'de-DE', expired: 'der Link zu meinem Interview ist abgelaufen',
    answers: ['Jürgen Müller', 'juergen.mueller@example.com', 'Datenanalyst', 'Acme'], problem: 'die Seite bleibt weiß, wenn ich auf den Link klicke',
  },
  {
    language: 'pt-BR', locale: 'pt-BR', expired: 'o link da minha entrevista expirou',
    answers: ['João Conceição', 'joao.conceicao@example.com', 'Analista de dados', 'Acme'], problem: 'a página fica em branco quando clico no link',
  },
];

describe.each(CANDIDATES)('a candidate whose chat is in $language', ({ language, locale, expired, answers, problem }) => {
  const guide = words(language, 'guide.yaml');
  const contact = words(language, 'topics/contact-recruiter.yaml');

  it('is welcomed in their language and reaches the advice for a problem typed in it', async () => {
    const candidate = new Candidate(bot.url, undefined, locale);
    await candidate.opensChat();
    expect(candidate.text).toContain(guide.welcome);
    expect(candidate.text).not.toContain(english('guide.yaml').welcome);

    await candidate.says(expired);
    const advice = words(language, 'topics/link-expired.yaml').nodes['ask-fresh-link'];
    expect(candidate.text).toContain(firstLine(advice.say));
    expect(candidate.buttons).toEqual([guide.passOn.yes.label, guide.passOn.no.label]);
  });

  it('files a ticket in their language; the recruiter reads it in English, their words unchanged and their language named', async () => {
    const candidate = new Candidate(bot.url, undefined, locale);
    await candidate.opensChat();
    await candidate.says(guide.commands.human[0]);
    await candidate.clicks(contact.nodes['send-or-email'].choices['send-ticket'].label);
    const form = contact.nodes.details;
    expect(candidate.text).toContain(form.fields.name.ask);
    for (const answer of answers) await candidate.says(answer);
    expect(candidate.text).toContain(form.fields.errorText.ask.split('?')[0]);
    await candidate.says(problem);
    expect(candidate.text).toContain(form.device.askType);
    await candidate.clicks(form.device.types.computer);
    await candidate.clicks(form.device.browsers.chrome);
    expect(candidate.text).toContain(form.review);
    await candidate.clicks(form.labels.send);
    const ticketId = /CS-\d{6,}/.exec(candidate.text)?.[0];
    expect(ticketId).toBeDefined();
    expect(candidate.text).toContain(guide.ticketSent.withoutSteps);

    const delivery = await eventually(() => webhook.deliveries.find((d) => JSON.stringify(d.body).includes(ticketId!)), 10000, 'the webhook');
    const body = delivery.body as { summary: string; ticket: { language?: string; whatHappens?: string } & Record<string, unknown> };
    expect(body.ticket.language).toBe(language);
    expect(JSON.stringify(body)).toContain(problem);
    expect(JSON.stringify(body)).toContain(answers[0]);
    // In the recruiter's language: the English summary of the problem.
    expect(body.summary).toContain(english('topics/contact-recruiter.yaml').recruiter.problem);
    const name = new Intl.DisplayNames(['en'], { type: 'language' }).of(language)!;
    expect(name).not.toBe(language);
    expect(body.summary).toContain(`chatted in ${name} (${language})`);
  });
});

describe('the language of the conversation', () => {
  it('follows a message clearly in another language it speaks, whatever the browser says', async () => {
    const candidate = new Candidate(bot.url, undefined, 'en-US');
    await candidate.opensChat();
    await candidate.says('hola, el enlace de mi entrevista dice que ha caducado, qué hago');
    const advice = words('es', 'topics/link-expired.yaml').nodes['ask-fresh-link'];
    expect(candidate.text).toContain(firstLine(advice.say));
  });

  it('never changes on a short or neutral message: "ok", "404", a ticket number', async () => {
    const candidate = new Candidate(bot.url, undefined, 'de-DE');
    await candidate.opensChat();
    await candidate.says('404');
    const advice = words('de', 'topics/link-not-found.yaml');
    expect(candidate.text).toContain(firstLine(advice.nodes[english('topics/link-not-found.yaml').start].say));
    await candidate.says('ok');
    expect(candidate.text).not.toMatch(/\b(the|your|you)\b/i);
  });

  it('switches when asked, "English please", and back, "en español"', async () => {
    const candidate = new Candidate(bot.url, undefined, 'es-MX');
    await candidate.opensChat();
    expect(candidate.text).toContain(words('es', 'guide.yaml').welcome);
    await candidate.says('English please');
    expect(candidate.text).toContain(english('guide.yaml').languages.changed);
    expect(candidate.text).toContain(english('guide.yaml').menu.say);
    await candidate.says('en español por favor');
    expect(candidate.text).toContain(words('es', 'guide.yaml').languages.changed);
  });

  it('answers a language it does not speak once, in English, naming the ones it does', async () => {
    const candidate = new Candidate(bot.url, undefined, 'it-IT');
    await candidate.opensChat();
    await candidate.says('buongiorno, il link del mio colloquio non funziona, cosa devo fare?');
    expect(candidate.text).toMatch(/English, Deutsch, Español, Français and Português/);
    expect(candidate.buttons.length).toBeGreaterThan(0);
    await candidate.says('il link non funziona ancora, per favore aiutatemi');
    expect(candidate.text).not.toMatch(/English, Español/);
  });
});

describe('typed answers as the critics typed them, in their language', () => {
  const toReview = async (candidate: Candidate, language: string, device: string) => {
    const guide = words(language, 'guide.yaml');
    await candidate.opensChat();
    await candidate.says(guide.commands.human[0]);
    await candidate.clicks(words(language, 'topics/contact-recruiter.yaml').nodes['send-or-email'].choices['send-ticket'].label);
    for (const answer of ['Guadalupe Hernández', 'lupe.hernandez@example.com', 'Dependiente', 'Zara', 'no carga la página']) await candidate.says(answer);
    await candidate.says(device);
    return words(language, 'topics/contact-recruiter.yaml').nodes.details;
  };

  it('es: "el portatil, con chrome" answers the device and the browser; "si, envialo" sends it', async () => {
    const candidate = new Candidate(bot.url, undefined, 'es-ES');
    const form = await toReview(candidate, 'es', 'el portatil, con chrome');
    expect(candidate.text).toContain(form.review);
    await candidate.says('si, envialo');
    expect(candidate.text).toMatch(/CS-\d{6,}/);
  });

  it('pt-BR: "celular" answers the device; "blz, envia ai" sends it', async () => {
    const candidate = new Candidate(bot.url, undefined, 'pt-BR');
    const form = await toReview(candidate, 'pt-BR', 'celular');
    expect(candidate.text).toContain(form.device.askBrowser);
    await candidate.says('chrome');
    await candidate.says('blz, envia ai');
    expect(candidate.text).toMatch(/CS-\d{6,}/);
  });

  it('fr: "un ordinateur portable!!" is a computer; "non je vais leur écrire moi-même" is no ticket', async () => {
    const candidate = new Candidate(bot.url, undefined, 'fr-FR');
    const form = await toReview(candidate, 'fr', 'un ordinateur portable!!');
    expect(candidate.text).toContain(form.device.askBrowser);
    const other = new Candidate(bot.url, undefined, 'fr-FR');
    await other.opensChat();
    await other.says('mon lien a expiré');
    await other.says('non je vais leur écrire moi-même');
    expect(other.text).not.toMatch(/CS-\d{6,}/);
    expect(other.text).toContain(firstLine(words('fr', 'topics/contact-recruiter.yaml').nodes['reach-out'].say));
  });
});
