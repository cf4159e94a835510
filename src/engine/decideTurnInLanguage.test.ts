import { loadFlows } from '../flow';
import { choiceEvent } from '../flow/events';
import { decideTurnInLanguage, type Engines } from './decideTurnInLanguage';
import { createLanguageIdentification, createUnderstanding } from './trainedUnderstanding';
import type { CandidateInput, SavedConversation } from './types';
import { parseUserAgent, toFacts } from '../device';
import { USER_AGENTS } from '../device/fixtures/userAgents';

const flows = loadFlows('flows');
const engines: Engines = {
  byLanguage: new Map([...flows.byLanguage].map(([code, flow]) => [code, { flow, understanding: createUnderstanding(flow, code) }])),
  languages: flows.languages,
  identify: createLanguageIdentification(flows.byLanguage),
};
const guide = (code: string) => flows.byLanguage.get(code)!.guide;
const topic = (code: string, id: string) => flows.byLanguage.get(code)!.topics.get(id)!;
const firstLine = (text: string) => text.split('\n')[0]!;

/** A conversation as the turn runner holds it: each turn's state saved for the next. */
function chat(locale?: string) {
  let saved: SavedConversation | undefined;
  let said = '';
  const turn = (input: CandidateInput) => {
    const result = decideTurnInLanguage(engines, saved, input, { locale });
    saved = result.state;
    said = result.replies.map((r) => r.text).join('\n\n');
    return result;
  };
  turn({ kind: 'start' });
  return {
    says: (text: string) => turn({ kind: 'text', text }),
    clicks: (id: string) => turn({ kind: 'choice', id }),
    get text() {
      return said;
    },
    get language() {
      return saved?.language;
    },
  };
}

describe("the conversation's language", () => {
  test('starts in the channel\'s locale: es-MX is Spanish, pt-PT the one Portuguese, it-IT English', () => {
    expect(chat('es-MX').text).toContain(guide('es').welcome);
    expect(chat('pt-PT').language).toBe('pt-BR');
    expect(chat('it-IT').text).toContain(guide('en').welcome);
  });

  test('follows a message clearly in another language it speaks', () => {
    const candidate = chat('en-US');
    candidate.says('el enlace de mi entrevista ha caducado');
    expect(candidate.language).toBe('es');
    expect(candidate.text).toContain(firstLine((topic('es', 'link-expired').nodes['ask-fresh-link'] as { say: string }).say));
  });

  test('keeps it on "ok", "404", a browser name and a ticket number', () => {
    const candidate = chat('de-DE');
    for (const text of ['ok', '404', 'Chrome', 'CS-60312345', 'Samsung Galaxy S21']) {
      candidate.says(text);
      expect(candidate.language).toBe('de');
    }
  });

  test('"English please" switches and shows where the candidate is, in English', () => {
    const candidate = chat('es-ES');
    candidate.says('English please');
    expect(candidate.language).toBe('en');
    expect(candidate.text).toContain(guide('en').languages.changed);
    expect(candidate.text).toContain(guide('en').menu.say);
  });

  test('a request for a language inside a longer message switches, and the rest of it is answered', () => {
    const candidate = chat('es-ES');
    candidate.says('english please, my interview link has expired');
    expect(candidate.language).toBe('en');
    expect(candidate.text).toContain(guide('en').languages.changed);
    expect(candidate.text).toContain(firstLine((topic('en', 'link-expired').nodes['ask-fresh-link'] as { say: string }).say));
  });

  test('"kann ich auch auf deutsch schreiben?" is only the request: the switch, not "didn\'t get that"', () => {
    const candidate = chat('en-US');
    candidate.says('kann ich auch auf deutsch schreiben?');
    expect(candidate.language).toBe('de');
    expect(candidate.text).toContain(guide('de').languages.changed);
    expect(candidate.text).not.toContain(guide('de').notUnderstood);
  });

  test('"my english is bad" is no request for English', () => {
    const candidate = chat('de-DE');
    candidate.says('sorry my english is bad, the page stays white when i open the link');
    expect(candidate.text).not.toContain(guide('en').languages.changed);
  });

  test('a company name answered in the form never switches the language ("Zalando SE")', () => {
    const candidate = chat('en-US');
    candidate.says('talk to a recruiter');
    candidate.clicks(choiceEvent('send-ticket'));
    candidate.says('Jonas Weber');
    candidate.says('jonas.weber@example.com');
    candidate.says('Lagerist');
    candidate.says('Zalando SE');
    expect(candidate.language).toBe('en');
    expect(candidate.text).not.toContain(guide('pt-BR').notUnderstood);
  });

  test('"can we continue in english?" inside the form switches and asks the same question again, in English', () => {
    const candidate = chat('de-DE');
    candidate.says('mit einem recruiter sprechen');
    candidate.clicks(choiceEvent('send-ticket'));
    candidate.says('can we continue in english?');
    expect(candidate.language).toBe('en');
    const form = flows.english.topics.get('contact-recruiter')!.nodes.details as { fields: { ask: string }[] };
    expect(candidate.text).toBe(`${guide('en').languages.changed}\n\n${form.fields[0]!.ask}`);
  });

  test('the form names the candidate\'s device in their language: "Chrome 129 en computadora Windows 10"', () => {
    let saved: SavedConversation | undefined;
    const turn = (input: CandidateInput) => {
      const result = decideTurnInLanguage(engines, saved, input, { locale: 'es-ES' });
      saved = result.state;
      return result.replies.map((r) => r.text).join('\n');
    };
    turn({ kind: 'start', device: toFacts(parseUserAgent(USER_AGENTS.chromeWindows)) });
    turn({ kind: 'text', text: 'hablar con un reclutador' });
    turn({ kind: 'choice', id: choiceEvent('send-ticket') });
    for (const answer of ['María García', 'maria@example.com', 'Analista', 'Acme']) turn({ kind: 'text', text: answer });
    const confirm = turn({ kind: 'text', text: 'la página se queda en blanco' });
    expect(confirm).toMatch(/Chrome \d+ en computadora Windows/);
    expect(confirm).not.toMatch(/ on |computer/);
  });

  test.each(['en', 'de', 'es', 'fr', 'pt-BR'])('%s: typing the review\'s "Change something" (as Web Chat sends a click) asks what to change, never leaves the form', (code) => {
    const candidate = chat(code);
    const form = flows.byLanguage.get(code)!.topics.get('contact-recruiter')!.nodes.details as unknown as {
      labels: Record<string, string>; change: string; device: { types: Record<string, string>; browsers: Record<string, string> };
    };
    candidate.says(guide(code).commands.human[0]!);
    candidate.clicks(choiceEvent('send-ticket'));
    for (const answer of ['Jonas Weber', 'jonas.weber@example.com', 'Lagerist', 'Zalando SE', 'la page reste blanche / blank page']) candidate.says(answer);
    candidate.says(form.device.types.computer!);
    candidate.says(form.device.browsers.chrome!);
    candidate.says(form.labels.change!);
    expect(candidate.text).toContain(form.change);
  });

  test('a language it does not speak gets one English reply naming those it does, with buttons to go on', () => {
    const candidate = chat('es-ES');
    const told = candidate.says('buongiorno, il link del mio colloquio non funziona, cosa devo fare?');
    expect(candidate.text).toBe(guide('en').languages.unsupported.replace('{languages}', 'English, Deutsch, Español, Français and Português'));
    expect(told.replies.at(-1)?.choices?.length).toBeGreaterThan(0);
    candidate.says('il link non funziona ancora, per favore aiutatemi');
    expect(candidate.text).not.toContain('English, Deutsch');
  });
});

describe('"no, still stuck" with a new problem named, in every language the guide speaks', () => {
  test.each([
    ['es', 'no puedo abrir el enlace, dice que caducó'],
    ['es', 'no puedo abrir el enlace dice que caducó'],
    ['fr', "je n'arrive pas à ouvrir le lien, il dit qu'il a expiré"],
    ['de', 'ich kann den Link nicht öffnen, da steht abgelaufen'],
    ['pt-BR', 'não consigo abrir o link, diz que expirou'],
  ])('%s: after the typo check, "%s" is the expired-link advice', (locale, message) => {
    const candidate = chat(locale);
    candidate.clicks('topic.page-wont-load');
    candidate.says(message);
    expect(candidate.text).toContain(firstLine((topic(locale, 'link-expired').nodes['ask-fresh-link'] as { say: string }).say));
  });

  test.each([
    ['fr', 'non, maintenant ça affiche 404'],
    ['pt-BR', 'não, agora diz 404'],
  ])('%s: at "pass this on?" after the expired-link advice, "%s" is the 404 advice', (locale, message) => {
    const candidate = chat(locale);
    candidate.clicks('topic.link-expired');
    candidate.says(message);
    expect(candidate.text).toContain(firstLine((topic(locale, 'link-not-found').nodes['ask-new-link'] as { say: string }).say));
  });

  test.each([['es', 'no puedo'], ['pt-BR', 'não consigo'], ['de', 'nein, geht nicht'], ['fr', "non, je n'y arrive pas"]])('%s: a plain "%s" is still "no, still stuck"', (locale, message) => {
    const candidate = chat(locale);
    candidate.clicks('topic.page-wont-load');
    candidate.says(message);
    expect(candidate.text).toContain(firstLine((topic(locale, 'page-wont-load').nodes['try-another-browser'] as { say: string }).say));
  });
});
