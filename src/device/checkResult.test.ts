import { parseDeviceCheck } from './checkResult';

const receivedAt = new Date('2026-03-01T10:00:00.000Z');
const now = () => receivedAt;

const complete = {
  camera: 'granted',
  microphone: 'granted',
  videoInputs: 1,
  audioInputs: 2,
  getUserMedia: 'ok',
  checkedAt: '2026-03-01T09:59:58.000Z',
};

describe('a device check result from the candidate\'s browser', () => {
  test('a complete result is read as sent', () => {
    expect(parseDeviceCheck(complete, now)).toEqual(complete);
  });

  test.each([
    ['a permission in capitals with spaces', { camera: ' Denied ' }, { camera: 'denied' }],
    ['a permission the browser invented', { microphone: 'ask-later' }, { microphone: 'unknown' }],
    ['a permission that is not text', { camera: 1 }, { camera: 'unknown' }],
    ['an error name we don\'t know', { getUserMedia: 'NotSupportedError' }, { getUserMedia: 'other' }],
    ['a count sent as digits', { videoInputs: '3' }, { videoInputs: 3 }],
    ['a clock that says nothing usable', { checkedAt: 'yesterday' }, { checkedAt: receivedAt.toISOString() }],
  ])('%s is read leniently', (_case, change, expected) => {
    expect(parseDeviceCheck({ ...complete, ...change }, now)).toEqual({ ...complete, ...expected });
  });

  test.each([
    ['negative', -1],
    ['absurd', 5000],
    ['fractional', 1.5],
    ['text', 'two'],
  ])('a %s camera count is dropped, the rest kept', (_case, videoInputs) => {
    const result = parseDeviceCheck({ ...complete, videoInputs }, now);
    expect(result).toBeDefined();
    expect(result).not.toHaveProperty('videoInputs');
    expect(result?.audioInputs).toBe(2);
  });

  test('missing permissions read as unknown', () => {
    expect(parseDeviceCheck({ getUserMedia: 'NotFoundError' }, now)).toEqual({
      camera: 'unknown',
      microphone: 'unknown',
      getUserMedia: 'NotFoundError',
      checkedAt: receivedAt.toISOString(),
    });
  });

  test('fields nobody asked for are not kept', () => {
    expect(parseDeviceCheck({ ...complete, userAgent: 'x', note: 'hello' }, now)).toEqual(complete);
  });

  test.each([
    ['nothing', undefined],
    ['a string', 'ok'],
    ['an array', [complete]],
    ['no getUserMedia outcome', { camera: 'granted', microphone: 'granted' }],
    ['an outcome that is not text', { ...complete, getUserMedia: true }],
  ])('%s is not a result, and does not throw', (_case, value) => {
    expect(parseDeviceCheck(value, now)).toBeUndefined();
  });
});
