import { CODINGS, type Coding } from './assets';
import { qualityValues } from './qualityValues';

/**
 * The coding to send for an Accept-Encoding header: the one with the highest q-value, Brotli on a
 * tie (smaller); none (identity) when the browser names neither, or refuses both with q=0. A `*`
 * stands for every coding the header doesn't name.
 */
export function preferredCoding(header: string | string[] | undefined): Coding | undefined {
  const weights = new Map(qualityValues(header).map(({ value, q }) => [value.toLowerCase(), q]));
  let best: Coding | undefined;
  let bestWeight = 0;
  for (const coding of CODINGS) {
    const weight = weights.get(coding) ?? weights.get('*') ?? 0;
    if (weight > bestWeight) [best, bestWeight] = [coding, weight];
  }
  return best;
}
