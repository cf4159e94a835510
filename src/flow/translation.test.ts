import { translate } from './translation';

const topic = {
  id: 'link-expired',
  label: 'Link expired',
  keywords: ['expired'],
  start: 'ask',
  recruiter: { problem: 'finds the link expired', action: 'Send a new link.' },
  nodes: {
    ask: { type: 'advice', label: 'asking for a fresh link', say: 'Ask for a **fresh link**.', steps: ['Reply to the email.', 'Say it is expired.'], notHelped: 'contact-recruiter' },
    which: { type: 'question', say: 'You are on {device}. Which?', choices: [{ id: 'yes', label: 'Yes', next: 'ask' }, { id: 'no', label: 'No', synonyms: ['nope'], next: 'ask' }] },
  },
};

describe('a translation laid over the English topic', () => {
  it('shows the translated words and keeps everything structural from English', () => {
    const { merged, problems, missing } = translate(topic, {
      label: 'Enlace caducado',
      keywords: ['caducado'],
      nodes: {
        ask: { say: 'Pida un **enlace nuevo**.', steps: ['Responda al correo.', 'Diga que caducó.'] },
        which: { say: 'Está en {device}. ¿Cuál?', choices: { yes: { label: 'Sí', synonyms: ['si'] }, no: { label: 'No' } } },
      },
    }, 'topic');
    expect(problems).toEqual([]);
    expect(missing).toEqual([['nodes', 'which', 'choices', 'no', 'synonyms']]);
    const m = merged as typeof topic;
    expect(m.nodes.ask).toMatchObject({ type: 'advice', label: 'asking for a fresh link', say: 'Pida un **enlace nuevo**.', notHelped: 'contact-recruiter' });
    // The language's own phrases first, and the English ones still understood.
    expect(m.keywords).toEqual(['caducado', 'expired']);
    expect(m.nodes.which.choices).toEqual([
      { id: 'yes', label: 'Sí', synonyms: ['si'], next: 'ask' },
      { id: 'no', label: 'No', synonyms: ['nope'], next: 'ask' },
    ]);
    expect(m.recruiter).toEqual(topic.recruiter);
  });

  it('lists every text it lacks, and shows English there', () => {
    const { merged, missing } = translate(topic, { label: 'Enlace caducado' }, 'topic');
    expect(missing.map((p) => p.join('.'))).toEqual([
      'keywords',
      'nodes.ask.say',
      'nodes.ask.steps',
      'nodes.which.say',
      'nodes.which.choices.yes.label',
      'nodes.which.choices.no.label',
      'nodes.which.choices.no.synonyms',
    ]);
    expect((merged as typeof topic).nodes.ask.say).toBe('Ask for a **fresh link**.');
  });

  it('refuses a key English has not, a structural key, an advice label, a different placeholder and a wrong number of steps', () => {
    const { problems } = translate(topic, {
      lable: 'typo',
      start: 'which',
      recruiter: { problem: 'encuentra el enlace caducado' },
      nodes: {
        ask: { label: 'pedir un enlace', steps: ['Responda al correo.'] },
        which: { say: 'Está en {dispositivo}.', choices: { maybe: { label: 'Quizás' } } },
      },
    }, 'topic');
    expect(problems.map((p) => `${p.at.join('.')}: ${p.message}`)).toEqual([
      'start: comes from the English file: a translation holds only words (docs/TRANSLATING.md)',
      'recruiter: comes from the English file: a translation holds only words (docs/TRANSLATING.md)',
      'nodes.ask.label: comes from the English file: a translation holds only words (docs/TRANSLATING.md)',
      'nodes.ask.steps: should be a list of 2 texts, in the English order',
      'nodes.which.say: placeholders differ from English: English has {device}, this has {dispositivo}',
      'nodes.which.choices.maybe: no such id in English (yes, no)',
      'lable: not in the English file',
    ]);
  });

  it("keeps the guide's recruiter wording and the unsupported-language reply in English", () => {
    const guide = { welcome: 'Hi!', recruiters: { registered: 'Done.' }, languages: { changed: 'OK, English.', unsupported: 'Only {languages}.' } };
    const { problems, missing } = translate(guide, { welcome: '¡Hola!', recruiters: { registered: 'Hecho.' }, languages: { changed: 'Vale, español.', unsupported: 'Solo {languages}.' } }, 'guide');
    expect(problems.map((p) => p.at.join('.'))).toEqual(['recruiters', 'languages.unsupported']);
    expect(missing).toEqual([]);
  });
});
