import { plainStems } from '../features';
import { matchPhrase } from '../matchPhrase';
import { analysisFor } from '.';

const stems = (code: Parameters<typeof analysisFor>[0], text: string) => plainStems(text, analysisFor(code));

describe('reading a message in its language', () => {
  it.each([
    ['es', 'el enlace caducó', 'el enlace caduco'],
    ['es', 'la cámara no funciona', 'la camara no funciona'],
    ['fr', "le lien a expiré", 'le lien a expire'],
    ['fr', "l'entretien ne démarre pas", 'entretien ne demarre pas'],
    ['de', 'die Seite lädt nicht', 'die seite laedt nicht'],
    ['de', 'die Prüfung', 'die pruefung'],
    ['de', 'Größe', 'groesse'],
    ['pt-BR', 'a câmera não funciona', 'a camera nao funciona'],
    ['pt-BR', 'a gravação travou', 'a gravacao travou'],
  ] as const)('%s: "%s" reads as "%s" (accents typed or not)', (code, typed, plain) => {
    expect(stems(code, typed)).toEqual(stems(code, plain));
  });

  it.each([
    ['es', 'caducado caducada caducó', 1],
    ['fr', 'enregistrement enregistrer enregistré', 1],
    ['de', 'abgelaufen abgelaufene', 1],
    ['pt-BR', 'carregando carrega carregar', 1],
  ] as const)('%s: one stem for the forms of a word ("%s")', (code, forms, count) => {
    expect(new Set(stems(code, forms)).size).toBe(count);
  });

  it.each([
    ['es', 'no', 'no carga'],
    ['fr', 'pas', 'ça ne charge pas'],
    ['de', 'nicht', 'lädt nicht'],
    ['pt-BR', 'nao', 'não carrega'],
  ] as const)('%s keeps the negation "%s" ("%s")', (code, negation, text) => {
    expect(stems(code, text)).toContain(analysisFor(code).stem(negation));
  });

  it('keeps "video" apart from "vida" (life) in Portuguese, where the stemmer would merge them', () => {
    expect(stems('pt-BR', 'vídeo')).not.toEqual(stems('pt-BR', 'vida'));
    expect(stems('pt-BR', 'videos')).toEqual(stems('pt-BR', 'vídeo'));
  });

  it('reads English words candidates mix in as the language\'s own ("webcam", "mic")', () => {
    expect(stems('es', 'la webcam')).toEqual(stems('es', 'la cámara'));
    expect(stems('de', 'das mic')).toEqual(stems('de', 'das Mikrofon'));
  });

  it('reads English exactly as before', () => {
    expect(plainStems("My webcam isn't working")).toEqual(['camera', 'not', 'work']);
    expect(plainStems('help me write my resume')).toEqual(['write', 'cv']);
  });
});

describe('answers in another language', () => {
  const yesNo = [
    { id: 'yes' as const, phrases: ['sí', 'claro', 'ya funciona'] },
    { id: 'no' as const, phrases: ['no', 'sigue igual', 'no funciona'] },
  ];

  it.each([
    ['si', 'yes'],
    ['Sí, gracias', 'yes'],
    ['ya funciona!!', 'yes'],
    ['no, sigue igual', 'no'],
    ['todavía no funciona', 'no'],
  ])('"%s" is the answer %s, accents or not', (text, id) => {
    expect(matchPhrase(text, yesNo, analysisFor('es'))?.id).toBe(id);
  });
});
