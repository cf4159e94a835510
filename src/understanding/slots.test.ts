import { browserIn, looksLikeName, slotsIn } from './slots';

describe('details a candidate gives in passing are picked up', () => {
  test.each([
    ["Hi, I'm Jo Marsh, jo.marsh@example.com, applied for Data Analyst at Acme. The link shows 404", { name: 'Jo Marsh', email: 'jo.marsh@example.com', position: 'Data Analyst', company: 'Acme' }],
    ["I'm Priya Shah, priya.shah@example.com, Marketing Manager at Globex. I use Chrome on my laptop.", { name: 'Priya Shah', email: 'priya.shah@example.com', position: 'Marketing Manager', company: 'Globex', deviceType: 'computer', browser: 'chrome' }],
    ['My name is Tom Baker, email tom.baker@example.com, position Warehouse Associate, company Initech.', { name: 'Tom Baker', email: 'tom.baker@example.com', position: 'Warehouse Associate', company: 'Initech' }],
    ['Name: Maria Gomez. Email: maria.g@example.com. Position: Barista. Company: Bean Co. Device: iPhone, Safari.', { name: 'Maria Gomez', email: 'maria.g@example.com', position: 'Barista', company: 'Bean Co', deviceType: 'phone', browser: 'safari' }],
    ["the link for the Nurse position at St Mary Hospital won't load", { position: 'Nurse', company: 'St Mary Hospital' }],
    ['on my android phone in chrome the page is blank', { deviceType: 'phone', browser: 'chrome' }],
    ["I'm dyslexic and need extra time", {}],
  ])('%s', (text, slots) => {
    expect(slotsIn(text)).toEqual(slots);
  });

  test('"the default one" is the phone\'s own browser', () => {
    expect(browserIn('the default one', 'my iphone')).toBe('safari');
    expect(browserIn('the default one')).toBe('other');
  });

  test('commands and sentences are not names', () => {
    expect(looksLikeName('Jo Marsh')).toBe(true);
    for (const text of ['menu', 'help', 'I have been trying since yesterday to open the link', 'jo@example.com']) expect(looksLikeName(text)).toBe(false);
  });
});

test.each([
  ['el portatil, con chrome', { deviceType: 'computer', browser: 'chrome' }],
  ['ordenador', { deviceType: 'computer' }],
  ['desde el móvil', { deviceType: 'phone' }],
  ['celular', { deviceType: 'phone' }],
  ['un ordinateur portable!!', { deviceType: 'computer' }],
  ['ordi', { deviceType: 'computer' }],
  ['sur mon portable', { deviceType: 'phone' }],
  ['laptop mit firefox', { deviceType: 'computer', browser: 'firefox' }],
  ['am Handy', { deviceType: 'phone' }],
  ['no computador', { deviceType: 'computer' }],
  ['tablet da samsung', { deviceType: 'tablet' }],
])('a device named in the candidate\'s own language: %s', (text, slots) => {
  expect(slotsIn(text)).toEqual(slots);
});

test('what privacy masking left in a message is not a detail: "[phone number hidden]" is no phone the candidate uses', () => {
  expect(slotsIn('the page wont load, call me on [phone number hidden] pls')).toEqual({});
});
