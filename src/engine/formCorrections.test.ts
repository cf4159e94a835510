import { withoutFiller } from './formFill';
import { join } from 'node:path';
import { loadFlow } from '../flow';
import { createUnderstanding } from './trainedUnderstanding';
import { detailsListIn, deviceCorrectionIn, earlierAnswerFixIn, isQuestionBack, nameCorrectionIn } from './formCorrections';

const understanding = createUnderstanding(loadFlow(join(__dirname, '../../flows')));
const answered = (name: string) => ({ fields: { name } });

describe('what a candidate types in the form that is not the answer asked for', () => {
  test('a list of details fills name, email, position and company', () => {
    expect(detailsListIn(understanding, 'James Okafor, james.okafor@example.com, warehouse supervisor at Amazon')).toEqual(
      expect.objectContaining({ name: 'James Okafor', email: 'james.okafor@example.com', position: 'warehouse supervisor', company: 'Amazon' }),
    );
  });

  test('one answer with a comma is not a list', () => {
    expect(detailsListIn(understanding, 'Developer, backend')).toBeUndefined();
  });

  test.each([
    ['sorry its Jon not Jonn', 'Jonn Smith', 'Jon Smith'],
    ['priya sharma sorry', 'priya', 'priya sharma'],
  ])('"%s" fixes the name %s', (text, before, after) => {
    expect(nameCorrectionIn(understanding, text, answered(before))).toBe(after);
  });

  test.each(['ada at example dot com', 'Designer', 'no not that'])('"%s" is no name fix', (text) => {
    expect(nameCorrectionIn(understanding, text, answered('Ada Lovelace'))).toBeUndefined();
  });

  test('"actually i used my phone not the ipad" is the phone', () => {
    expect(deviceCorrectionIn('actually i used my phone not the ipad')).toEqual({ deviceType: 'phone' });
  });

  test.each(['why do you need my email', 'how long will they take?'])('"%s" is a question back', (text) => {
    expect(isQuestionBack(text)).toBe(true);
  });

  test('an answer is not a question back', () => {
    expect(isQuestionBack('Warehouse Associate')).toBe(false);
  });
});

describe('an earlier answer fixed while another question is asked', () => {
  const answers = { fields: { name: 'Noah Kim', email: 'noah.kim@gmial.com', position: 'ux designer' } };

  test('"oh wait typo gmail not gmial" swaps the word in the email', () => {
    expect(earlierAnswerFixIn('oh wait typo gmail not gmial', answers, 'position')).toEqual({ field: 'email', value: 'noah.kim@gmail.com' });
  });

  test('"sorry i meant senior ux designer" replaces the answer given just before', () => {
    expect(earlierAnswerFixIn('sorry i meant senior ux designer', answers, 'position')).toEqual({ field: 'position', value: 'senior ux designer' });
  });

  test('a "not" that names nothing given before is no fix', () => {
    expect(earlierAnswerFixIn('the page is not loading', answers, 'position')).toBeUndefined();
  });
});

describe('what people put before an answer, in every language the bot speaks', () => {
  test.each([
    ['soy Guadalupe Hernandez', 'Guadalupe Hernandez'],
    ["je m'appelle Élodie Lefèvre", 'Élodie Lefèvre'],
    ['ich heiße Jürgen Müller', 'Jürgen Müller'],
    ['meu nome é João Conceição', 'João Conceição'],
    ["I'm Jo Marsh", 'Jo Marsh'],
    ['Soyeon Park', 'Soyeon Park'],
  ])('%s', (text, answer) => {
    expect(withoutFiller(text)).toBe(answer);
  });
});
