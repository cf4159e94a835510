/**
 * A header that lists values with weights (Accept-Language, Accept-Encoding): "fr;q=0.5, de" →
 * [{ value: "fr", q: 0.5 }, { value: "de", q: 1 }], in the header's order, capped at 1000
 * characters. A q that isn't RFC 9110's `0`–`1` with up to three decimals is left out (weight 1).
 */
export function qualityValues(header: string | string[] | undefined): { value: string; q: number }[] {
  return [header ?? '']
    .flat()
    .join(',')
    .slice(0, 1000)
    .split(',')
    .map((part) => {
      const [value = '', ...params] = part.split(';').map((piece) => piece.trim());
      const q = params.map((param) => /^q=([01](?:\.\d{0,3})?)$/i.exec(param)?.[1]).find((weight) => weight !== undefined);
      return { value, q: q === undefined ? 1 : Number(q) };
    })
    .filter(({ value }) => value !== '');
}
