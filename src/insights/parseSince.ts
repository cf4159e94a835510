const UNIT_MS = { m: 60 * 1000, h: 60 * 60 * 1000, d: 24 * 60 * 60 * 1000, w: 7 * 24 * 60 * 60 * 1000 } as const;

const USAGE = '--since takes 7d, 24h, 90m, 2w or an ISO time like 2026-11-01T00:00:00Z';
const DURATION = /^(\d+)([mhdw])$/;
/** A date, or a date and time with Z or an offset: without one, the time would depend on the machine's zone. */
const ISO = /^(\d{4})-(\d{2})-(\d{2})(?:T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:\d{2}))?$/;
const ISO_WITHOUT_ZONE = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?$/;

/** The start of the report's window, ms since epoch: `now` less a duration, or an ISO date (UTC) or time. */
export function parseSince(value: string, now: number): number {
  const text = value.trim();
  const duration = DURATION.exec(text);
  if (duration) return now - Number(duration[1]) * UNIT_MS[duration[2] as keyof typeof UNIT_MS];
  const iso = ISO.exec(text);
  if (iso) {
    const [year, month, day] = [Number(iso[1]), Number(iso[2]), Number(iso[3])];
    const date = new Date(Date.UTC(year, month - 1, day));
    const at = Date.parse(text);
    // Date.parse rolls 2026-02-30 over into March; a date that does not exist is a typo.
    if (!Number.isNaN(at) && date.getUTCMonth() === month - 1 && date.getUTCDate() === day) return at;
  }
  if (ISO_WITHOUT_ZONE.test(text)) throw new Error(`${USAGE}; "${value}" has no time zone: add Z or an offset like +02:00`);
  throw new Error(`${USAGE}; got "${value}"`);
}
