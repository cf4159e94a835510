import { loadFlows } from '../flow';
import { diagnose } from '../links';
import { decideTurnInLanguage, type Engines } from './decideTurnInLanguage';
import { createLanguageIdentification, createUnderstanding } from './trainedUnderstanding';
import type { SavedConversation, TurnDecision } from './types';

/**
 * Messy conversations around a pasted link, as a candidate types them (the critic's findings among
 * them). The link is read as the turn runner reads it (`diagnose`, no live check unless given).
 */

const flows = loadFlows('flows');
const engines: Engines = {
  byLanguage: new Map([...flows.byLanguage].map(([code, flow]) => [code, { flow, understanding: createUnderstanding(flow, code) }])),
  languages: flows.languages,
  identify: createLanguageIdentification(flows.byLanguage),
};
const hosts = ['app.hirevire.com', 'hirevire.com'];
const guide = flows.english.guide;
const LINK = 'https://app.hirevire.com/i/7Gx2QkAb12';
const proofpoint = `https://urldefense.com/v3/__${LINK}__;!!XyZ!abc$`;

function chat(locale = 'en-US') {
  let saved: SavedConversation | undefined;
  let last: TurnDecision | undefined;
  const says = (text: string, live?: 'gone' | 'works') => {
    const link = diagnose(text, { hosts });
    if (live) link.findings.push({ kind: 'checked', outcome: live, status: live === 'gone' ? 404 : 200 });
    last = decideTurnInLanguage(engines, saved, { kind: 'text', text, ...(link.url && { link }) }, { locale });
    saved = last.state;
    return last.replies.map((reply) => reply.text).join('\n\n');
  };
  return {
    says,
    get buttons() {
      return last?.replies.at(-1)?.choices?.map((choice) => choice.label) ?? [];
    },
    get state() {
      return saved!;
    },
  };
}

describe('a candidate who pastes their link while typing', () => {
  it('"my link is <link> and it won\'t open on my phone" is the page-won\'t-load problem, not a link named twice', () => {
    const candidate = chat();
    const said = candidate.says(`my link is ${LINK} and it wont open on my phone`);
    expect(said).toContain(guide.link.looksRight);
    expect(candidate.state.snapshot.context.topic).toBe('page-wont-load');
    expect(said).not.toMatch(/You mentioned two things/);
  });

  it('a link and "Thanks" is a link on its own: what happens when they open it, not "you\'re welcome"', () => {
    const candidate = chat();
    const said = candidate.says(`${LINK}\nThanks`);
    expect(said).toContain(guide.link.whatHappens);
    expect(candidate.buttons).toContain('Page shows 404 / not found');
  });

  it('a look-alike on its own: the warning carries the way on, and never asks what happens when they open it', () => {
    const candidate = chat();
    const said = candidate.says('Link: https://hirevire.co/i/abc123');
    expect(said).toMatch(/^⚠️/);
    expect(said).not.toContain(guide.link.whatHappens);
    expect(candidate.buttons).toContain('Talk to a recruiter');
  });

  it('the same link again with nothing new: the recruiter is offered, not the same answer', () => {
    const candidate = chat();
    candidate.says(LINK);
    const said = candidate.says(LINK);
    expect(said).toContain(guide.link.again);
    expect(candidate.says('yes please')).toMatch(/full name/);
  });

  it('a link shortened with "…" by the app it was copied from is said to be cut short', () => {
    expect(chat().says('link is https://app.hirevire.com/i/abc123?invite=xyz...')).toContain(guide.link.cutShort);
  });

  it('a Mimecast link whose domain is a look-alike is warned about', () => {
    expect(chat().says('https://protect-us.mimecast.com/s/AbCdEfGh?domain=app.hirewire.com')).toMatch(/^⚠️ \*\*Be careful:\*\* `app\.hirewire\.com`/);
  });

  it('two links: the one read is shown, so the candidate knows which', () => {
    const said = chat().says(`old one https://app.hirevire.com/i/abc123?invite=xyz789 new one https://app.hirevire.com/i/abc123?invite= which works`);
    expect(said).toContain(guide.link.yourLink.replace('{url}', 'https://app.hirevire.com/i/abc123?invite=xyz789'));
  });

  it('an http: link is shown back as https:', () => {
    expect(chat().says('http://app.hirevire.com/i/7Gx2QkAb12')).toContain(guide.link.yourLink.replace('{url}', LINK));
  });

  it('the platform says the link is gone: the 404 advice, whatever the words around it only presented it', () => {
    const candidate = chat();
    const said = candidate.says(`here is my link: ${LINK}`, 'gone');
    expect(said).toContain(guide.link.gone);
    expect(candidate.state.snapshot.context.topic).toBe('link-not-found');
  });
});

describe('a candidate who pastes their link, second round of a critic typing', () => {
  it('"<link> 404" is the 404 problem: a number around the link counts', () => {
    const candidate = chat();
    candidate.says(`${LINK} 404`);
    expect(candidate.state.snapshot.context.topic).toBe('link-not-found');
  });

  it('a look-alike with "won\'t load" is not sent to open it again from the email', () => {
    const candidate = chat();
    const said = candidate.says('this link wont load https://app.hirevire.com.login-check.ru/i/abc');
    expect(said).toMatch(/^⚠️/);
    expect(candidate.state.snapshot.context.topic).toBeNull();
    expect(candidate.buttons).toContain('Talk to a recruiter');
  });

  it('a French look-alike that "expired" hears no scanner hint: the link is not theirs', () => {
    const candidate = chat('fr-FR');
    candidate.says('mon lien a expiré');
    const said = candidate.says(`https://urldefense.com/v3/__https://hirevire.co/i/abc__;!!XyZ!abc$`);
    expect(said).not.toContain(flows.byLanguage.get('fr')!.guide.link.scanner);
  });

  it('"y ahora qué hago?" after Spanish advice is no "yes, it worked"', () => {
    const candidate = chat('es-ES');
    candidate.says('la página no carga');
    candidate.says('y ahora que hago?');
    expect(candidate.state.snapshot.value).not.toBe('resolved');
  });
});

describe('a link pasted in the middle of the ticket form', () => {
  function inForm() {
    const candidate = chat();
    candidate.says('link expired, talk to recruiter please');
    candidate.says('yes');
    return candidate;
  }

  it('"maria lopez, the link is <link>" at the name question: the name is taken, the link read', () => {
    const candidate = inForm();
    const said = candidate.says(`maria lopez, the link is ${LINK}`);
    expect(said).not.toMatch(/doesn't look like a name/);
    expect(candidate.state.snapshot.context.form?.fields.name).toMatch(/maria lopez/i);
    expect(candidate.state.link?.url).toBe(LINK);
  });

  it('"my name is Priya Shah and my link is <link>": the name, without the words that led to the link', () => {
    const candidate = inForm();
    candidate.says(`my name is Priya Shah and my link is ${LINK}`);
    expect(candidate.state.snapshot.context.form?.fields.name).toBe('Priya Shah');
  });

  it('"me llamo Carlos Ruiz, mi enlace es <link>" in Spanish: the name alone', () => {
    const candidate = chat('es-ES');
    candidate.says('mi enlace caducó, quiero hablar con el reclutador');
    candidate.says('sí');
    candidate.says(`me llamo Carlos Ruiz, mi enlace es ${LINK}`);
    expect(candidate.state.snapshot.context.form?.fields.name).toBe('Carlos Ruiz');
  });

  it('an email followed by a wrapped link: no part of the link becomes the name, and the real link is shown', () => {
    const candidate = inForm();
    candidate.says('Tom Baker');
    const said = candidate.says(`tom.baker@outlook.com here is the link ${proofpoint}`);
    expect(said).toContain(guide.link.yourLink.replace('{url}', LINK));
    expect(candidate.state.snapshot.context.form?.fields).toMatchObject({ name: 'Tom Baker', email: 'tom.baker@outlook.com' });
  });

  it('a link alone is no answer: what was found, then the same question again', () => {
    const candidate = inForm();
    const said = candidate.says(proofpoint);
    expect(said).toMatch(/Proofpoint/);
    expect(said).toMatch(/full name/);
    expect(candidate.state.snapshot.context.form?.fields.name).toBeUndefined();
  });

  it('pasted clean after it was pasted wrapped, the ticket still hears it was wrapped', () => {
    const candidate = inForm();
    candidate.says(proofpoint);
    candidate.says(LINK);
    expect(candidate.state.link?.findings).toEqual([{ kind: 'wrapped', by: 'Proofpoint URL Defense v3' }]);
  });
});
