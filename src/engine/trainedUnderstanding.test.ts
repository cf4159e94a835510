import { join } from 'node:path';
import { loadFlows } from '../flow';
import { createUnderstanding, lazyUnderstanding } from './trainedUnderstanding';

const flows = loadFlows(join(__dirname, '../../flows'));

describe('understanding in the conversation\'s language', () => {
  it.each([
    ['es', 'el enlace de la entrevista caducó', 'link-expired'],
    ['fr', 'ma caméra ne marche pas', 'camera-microphone'],
    ['de', 'der Link ist abgelaufen', 'link-expired'],
    ['pt-BR', 'minha câmera não funciona', 'camera-microphone'],
  ])('%s: "%s" is %s', (language, text, topic) => {
    expect(createUnderstanding(flows.byLanguage.get(language)!, language).classify(text).topic).toBe(topic);
  });

  it('reads "did that help?" in English words only in English, leaving other languages to the flow\'s phrases', () => {
    const spanish = createUnderstanding(flows.byLanguage.get('es')!, 'es');
    expect(spanish.saysNotHelped('still not working')).toBe(false);
    expect(spanish.saysHelped('it works now')).toBe(false);
    expect(createUnderstanding(flows.english).saysNotHelped('still not working')).toBe(true);
  });

  it('reads a language nobody wrote an analysis for with its Snowball stemmer and accents folded', () => {
    const understanding = createUnderstanding(flows.english, 'it');
    expect(understanding.classify('my interview link has expired').topic).toBe('link-expired');
  });
});

describe('a language whose classifier is trained on first use', () => {
  it('is trained once, when first asked (or warmed), and answers as the trained one does', () => {
    let trainings = 0;
    const spanish = flows.byLanguage.get('es')!;
    const lazy = lazyUnderstanding(() => {
      trainings += 1;
      return createUnderstanding(spanish, 'es');
    });
    expect(trainings).toBe(0);
    expect(lazy.classify('el enlace ha caducado').topic).toBe(createUnderstanding(spanish, 'es').classify('el enlace ha caducado').topic);
    lazy.warm();
    lazy.matchPhrase('sí', [{ id: 'yes', phrases: ['sí'] }]);
    expect(trainings).toBe(1);
  });
});
