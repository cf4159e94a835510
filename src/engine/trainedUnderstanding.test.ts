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

  it('reads "did that help?" inside a longer answer from the language\'s own yes and no phrases', () => {
    const portuguese = createUnderstanding(flows.byLanguage.get('pt-BR')!, 'pt-BR');
    expect(portuguese.saysNotHelped('nao, ja cliquei direto no email')).toBe(true);
    expect(portuguese.saysNotHelped('continua sem funcionar no chrome')).toBe(true);
    expect(portuguese.saysHelped('nao, ja cliquei direto no email')).toBe(false);
    const german = createUnderstanding(flows.byLanguage.get('de')!, 'de');
    expect(german.saysHelped('funktioniert mit chrome!! danke')).toBe(true);
    expect(german.saysHelped('ja, aber es geht immer noch nicht')).toBe(false);
    expect(german.saysNotHelped('ja, aber es geht immer noch nicht')).toBe(true);
    expect(german.saysNotHelped('Chrome')).toBe(false);
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
