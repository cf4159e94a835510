import { join } from 'node:path';
import { loadFlows } from '../flow';
import { createUnderstanding } from './trainedUnderstanding';

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
