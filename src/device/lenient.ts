import { z } from 'zod';
import { PermissionState } from './permission';

/**
 * Building blocks for reading what a browser or a channel sends us. Nothing here is under our
 * control, so a field of the wrong type or shape is dropped rather than failing the whole record:
 * knowing the browser is still worth something when the microphone count is garbage.
 */

/** An optional field that reads as absent when the sender got it wrong. */
export function lenient<T extends z.ZodType>(schema: T) {
  return schema.optional().catch(undefined);
}

/** Control characters would corrupt a ticket's layout; nothing legitimate in these fields uses them. */
export function withoutControlCharacters(value: string): string {
  return value.replace(/[\u0000-\u001f\u007f-\u009f]+/g, ' ').trim();
}

/** Free text cut to `max` characters, control characters removed; empty reads as absent. */
export function text(max: number) {
  return z.string().transform((value) => withoutControlCharacters(value.slice(0, max * 2)).slice(0, max) || undefined);
}

/** A small count, also accepted as the digits of one ("2"), since some pages stringify everything. */
export function count(max: number) {
  return z
    .union([z.number(), z.string().trim().regex(/^\d{1,4}$/).transform(Number)])
    .pipe(z.number().int().min(0).max(max));
}

/** "granted" | "denied" | "prompt", whatever the case or surrounding spaces. */
export const Permission = z.string().trim().toLowerCase().pipe(PermissionState);

/** A BCP 47 language tag ("en-US"); Teams and some pages write "en_US". */
export const Locale = z
  .string()
  .trim()
  .max(32)
  .transform((value) => value.replace(/_/g, '-'))
  .pipe(z.string().regex(/^[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8}){0,4}$/));

/** An IANA time zone ("Europe/Paris", "America/Argentina/Buenos_Aires", "UTC"); the longest is 32 characters. */
export const Timezone = z
  .string()
  .trim()
  .max(32)
  .regex(/^[A-Za-z][A-Za-z0-9_+-]*(\/[A-Za-z0-9_+-]+){0,2}$/);

/** An ISO 3166 alpha-2 country code. */
export const Country = z
  .string()
  .trim()
  .regex(/^[A-Za-z]{2}$/)
  .transform((value) => value.toUpperCase());

/** An array whose bad items are dropped one by one, cut to `max` items. */
export function lenientArray<T extends z.ZodType>(item: T, max: number) {
  return z.array(z.unknown()).transform((items) =>
    items.slice(0, max).flatMap((value) => {
      const parsed = item.safeParse(value);
      return parsed.success ? [parsed.data as z.output<T>] : [];
    }),
  );
}

/** The object without its undefined fields, so spreading it never erases a value known elsewhere. */
export function withoutUndefined<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, field]) => field !== undefined)) as T;
}
