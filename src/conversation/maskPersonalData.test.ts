import { HIDDEN, maskPersonalData } from './maskPersonalData';

const now = new Date('2026-11-30T12:00:00Z');
const mask = (text: string) => maskPersonalData(text, now).text;

describe('a phone number a candidate types is hidden from the transcript', () => {
  test.each([
    ['call me on +44 20 7946 0958', 'call me on [phone number hidden]'],
    ['my number is (555) 123-4567', 'my number is [phone number hidden]'],
    ['+1-202-555-0147 anytime', '[phone number hidden] anytime'],
    ['mi teléfono es 612 34 56 78', 'mi teléfono es [phone number hidden]'],
    ['whatsapp 07700900123 if easier', 'whatsapp [phone number hidden] if easier'],
    ['cel: 11 98765-4321', 'cel: [phone number hidden]'],
  ])('%s', (typed, stored) => {
    expect(mask(typed)).toBe(stored);
  });
});

describe('numbers a recruiter needs stay as typed', () => {
  test.each([
    'error 404 page not found',
    'code 0x80070005',
    'my ticket is CS-60312345',
    'interview id 4821937',
    'order 123456789',
    'Chrome 126.0.6478.127 on iOS 17.5.1',
    'the link https://app.hirevire.com/i/8f3a92b1c4 says expired',
    'it stopped at 10:30 on 12/03/2026',
  ])('%s', (typed) => {
    expect(mask(typed)).toBe(typed);
  });
});

describe('a date of birth is hidden, other dates are not', () => {
  test.each([
    ['my date of birth is 12/03/1994', `my date of birth is ${HIDDEN.birthDate}`],
    ['born 1994-03-12, if that helps', `born ${HIDDEN.birthDate}, if that helps`],
    ['DOB: March 12, 1994', `DOB: ${HIDDEN.birthDate}`],
    ['nací el 12 de marzo de 1994', `nací el ${HIDDEN.birthDate}`],
    ['12.03.1994', HIDDEN.birthDate],
  ])('%s', (typed, stored) => {
    expect(mask(typed)).toBe(stored);
  });

  test('the date a link expired stays', () => {
    expect(mask('the link expired on 28/11/2026')).toBe('the link expired on 28/11/2026');
  });
});

test('says whether anything was hidden', () => {
  expect(maskPersonalData('hi there', now).hidden).toBe(false);
  expect(maskPersonalData('call 555-123-4567', now).hidden).toBe(true);
});
