import { acceptedLanguages, pageLanguage } from './pageLanguage';

const OURS = ['en', 'de', 'es', 'fr', 'pt-BR'];

describe('the language a candidate\'s page is shown in', () => {
  test.each([
    ['es', 'es'],
    ['es-MX,es;q=0.9,en;q=0.8', 'es'],
    ['pt-PT,pt;q=0.9', 'pt-BR'],
    ['pt', 'pt-BR'],
    ['de-CH', 'de'],
    ['fr-CA,en;q=0.5', 'fr'],
    ['it-IT,it;q=0.9,fr;q=0.8,en;q=0.7', 'fr'],
    ['en;q=0.4, es;q=0.9', 'es'],
    ['it, ja', 'en'],
    ['es;q=0, fr;q=0.1', 'fr'],
    ['*', 'en'],
    ['', 'en'],
  ])('a browser sending Accept-Language %p reads %s', (header, language) => {
    expect(pageLanguage('/', header, OURS)).toBe(language);
  });

  test('a link with ?lang= shows that language whatever the browser says', () => {
    expect(pageLanguage('/?lang=es', 'de-DE,de', OURS)).toBe('es');
    expect(pageLanguage('/check?t=abc&lang=pt-br', 'en', OURS)).toBe('pt-BR');
  });

  test('a ?lang= we don\'t have falls back to the browser\'s language', () => {
    expect(pageLanguage('/?lang=xx', 'fr', OURS)).toBe('fr');
    expect(pageLanguage('/?lang=%3Cscript%3E', undefined, OURS)).toBe('en');
  });
});

test('q-values order the languages, equal ones keep their order, junk is ignored', () => {
  expect(acceptedLanguages('da, en-gb;q=0.8, en;q=0.7')).toEqual(['da', 'en-gb', 'en']);
  expect(acceptedLanguages('fr;q=0.5, de, es;q=0.5')).toEqual(['de', 'fr', 'es']);
  expect(acceptedLanguages(' ,;q=1, es;q=abc')).toEqual(['es']);
});
