/**
 * A label whose values come from outside (a channel id): the first `max` distinct values are kept as
 * they are, any later one is counted as `other`, so a misbehaving client can't grow the scrape without end.
 */
export function boundedLabel(max: number): (value: string) => string {
  const seen = new Set<string>();
  return function labelValue(value) {
    if (seen.has(value)) return value;
    if (seen.size >= max) return 'other';
    seen.add(value);
    return value;
  };
}
