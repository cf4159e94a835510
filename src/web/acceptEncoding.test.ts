import { preferredCoding } from './acceptEncoding';

test.each([
  ['gzip, deflate, br, zstd', 'br'],
  ['br;q=1.0, gzip;q=0.8, *;q=0.1', 'br'],
  ['gzip;q=1, br;q=0.5', 'gzip'],
  ['BR;Q=0, gzip', 'gzip'],
  ['*', 'br'],
  ['*;q=0, gzip', 'gzip'],
  ['identity', undefined],
  ['br;q=0, gzip;q=0', undefined],
  ['', undefined],
  [undefined, undefined],
])('a browser saying Accept-Encoding %p gets %p', (header, coding) => {
  expect(preferredCoding(header)).toBe(coding);
});
