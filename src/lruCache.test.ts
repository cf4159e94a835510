import { LruCache } from './lruCache';

describe('LruCache', () => {
  it('computes a value once and returns the cached one after', () => {
    const cache = new LruCache<string, number>(2);
    let calls = 0;
    const square = (key: string) => (calls++, Number(key) ** 2);
    expect(cache.getOrCompute('3', square)).toBe(9);
    expect(cache.getOrCompute('3', square)).toBe(9);
    expect(calls).toBe(1);
  });

  it('drops the least recently used entry when full', () => {
    const cache = new LruCache<string, string>(2);
    cache.set('a', 'A');
    cache.set('b', 'B');
    cache.get('a');
    cache.set('c', 'C');
    expect(cache.get('b')).toBeUndefined();
    expect(cache.get('a')).toBe('A');
    expect(cache.get('c')).toBe('C');
    expect(cache.size).toBe(2);
  });

  it('forgets a deleted entry', () => {
    const cache = new LruCache<string, string>(2);
    cache.set('a', 'A');
    cache.delete('a');
    expect(cache.get('a')).toBeUndefined();
  });

  it('refuses a size that could hold nothing', () => {
    expect(() => new LruCache(0)).toThrow(/at least one entry/);
  });
});
