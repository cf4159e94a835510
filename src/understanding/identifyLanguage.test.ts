import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createLanguageIdentifier, identifyLanguage, vocabularyOf } from './identifyLanguage';
import { LANGUAGE_CODES, type LanguageCode } from './language';

// docs/language-id-messages.tsv: 42 chat lines each in en, es, fr, de, pt (pt-BR), and 30 neutral
// ones ("ok", "404", "Chrome", an email, a ticket id), written for the measurement in docs/LANGUAGE-ID.md.
const messages = readFileSync(join(__dirname, '../../docs/language-id-messages.tsv'), 'utf8')
  .split(/\r?\n/)
  .filter((line) => line.trim() !== '')
  .map((line) => {
    const [label, text] = line.split('\t') as [string, string];
    return { label: label === 'pt' ? 'pt-BR' : label, text };
  });
const inLanguage = (code: string) => messages.filter((m) => m.label === code).map((m) => m.text);

describe('which language a candidate writes in', () => {
  it.each(['ok', '404', 'Chrome', 'CS-60312345', 'jane.doe@example.com', 'https://interview.example.com/abc?x=1', 'thanks', 'lol'])(
    '"%s" never switches the language, whatever it was',
    (text) => {
      for (const prior of LANGUAGE_CODES) expect(identifyLanguage(text, { prior })).toEqual({ language: prior, switched: false });
    },
  );

  it('keeps the language for every neutral message of the measurement, from every prior', () => {
    const switched = LANGUAGE_CODES.flatMap((prior) =>
      inLanguage('neutral').filter((text) => identifyLanguage(text, { prior }).switched).map((text) => `${prior}: ${text}`),
    );
    expect(switched).toEqual([]);
  });

  it.each([
    ['es', 0.85],
    ['fr', 0.85],
    ['de', 0.9],
    ['pt-BR', 0.6], // short Portuguese without accents reads as Spanish to every detector measured
  ] as const)('switches an English conversation to %s for most lines in it (at least %s)', (code, share) => {
    const lines = inLanguage(code);
    const right = lines.filter((text) => identifyLanguage(text, { prior: 'en' }).language === code);
    expect(right.length / lines.length).toBeGreaterThanOrEqual(share);
  });

  it('keeps English lines in English (at least 95 %)', () => {
    const lines = inLanguage('en');
    const kept = lines.filter((text) => identifyLanguage(text, { prior: 'en' }).language === 'en');
    expect(kept.length / lines.length).toBeGreaterThanOrEqual(0.95);
  });

  it.each(['es', 'fr', 'de', 'pt-BR'] as const)('keeps a %s conversation in its language for its own lines (at least 85 %)', (code) => {
    const lines = inLanguage(code);
    const kept = lines.filter((text) => identifyLanguage(text, { prior: code }).language === code);
    expect(kept.length / lines.length).toBeGreaterThanOrEqual(0.85);
  });

  it.each([
    ['the link in the email says my page was not found', 'es', 'en'],
    ['mi cámara no funciona en la entrevista', 'en', 'es'],
    ["je n'arrive pas à ouvrir le lien de l'entretien", 'en', 'fr'],
    ['die Seite lädt nicht, was soll ich tun', 'en', 'de'],
    ['a câmera não funciona no meu celular', 'en', 'pt-BR'],
  ] as const)('"%s" switches a %s conversation to %s', (text, prior, language) => {
    expect(identifyLanguage(text, { prior })).toEqual({ language, switched: true });
  });

  it.each([
    ['non riesco ad aprire la pagina dell\'intervista', 'it'],
    ['ik wil graag met de recruiter praten', 'nl'],
    ['nie mogę otworzyć strony', 'pl'],
    ['mikrofonum çalışmıyor', 'tr'],
  ])('"%s" is in a language the bot does not speak (%s), and the language stays', (text, unsupported) => {
    expect(identifyLanguage(text, { prior: 'en' })).toEqual({ language: 'en', switched: false, unsupported });
  });

  it('calls none of the messages in our languages unsupported', () => {
    const flagged = messages.filter((m) => identifyLanguage(m.text, { prior: 'en' }).unsupported !== undefined);
    expect(flagged).toEqual([]);
  });

  it('switches only to the languages offered', () => {
    const supported: LanguageCode[] = ['en', 'es'];
    expect(identifyLanguage('die Seite lädt nicht, was soll ich tun', { prior: 'en', supported })).toEqual({
      language: 'en',
      switched: false,
      unsupported: 'de',
    });
  });
});

describe('the identifier for the languages a deployment has', () => {
  const identify = createLanguageIdentifier(['en', 'es', 'fr', 'de', 'pt-BR']);

  it('answers the engine\'s question: this message, this conversation language', () => {
    expect(identify('mi cámara no funciona en la entrevista', 'en')).toEqual({ language: 'es', switched: true });
    expect(identify('ok', 'de')).toEqual({ language: 'de', switched: false });
  });

  it('reads a conversation in a language the deployment does not have as English', () => {
    expect(identify('ok', 'xx')).toEqual({ language: 'en', switched: false });
  });
});

describe('with the words the bot knows in each language', () => {
  const vocabularies = new Map<LanguageCode, ReadonlySet<string>>([
    ['en', vocabularyOf(['contact the recruiter', 'my computer', 'my camera is not working'])],
    ['es', vocabularyOf(['mi cámara no funciona', 'contactar al reclutador'])],
  ]);

  it.each(['contact recruiter', 'Computer', 'Software Engineer', 'Sam Patel'])(
    '"%s" (a command, a form answer, a name) stays English: it is no more Spanish words than English ones',
    (text) => {
      expect(identifyLanguage(text, { prior: 'en', vocabularies })).toEqual({ language: 'en', switched: false });
    },
  );

  it('a message in the words of the other language still switches', () => {
    expect(identifyLanguage('mi camara no funciona', { prior: 'en', vocabularies })).toEqual({ language: 'es', switched: true });
  });
});
