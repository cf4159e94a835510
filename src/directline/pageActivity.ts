import { z } from 'zod';

/**
 * What the page may post to POST /v3/directline/conversations/:id/activities. Web Chat sends
 * messages and events (and typing, if enabled); `from.id` comes from the token, not from here,
 * and unknown fields are dropped, so the page can't pose as the bot or smuggle a serviceUrl.
 */
export const PageActivity = z.object({
  type: z.enum(['message', 'event', 'typing']),
  text: z.string().max(10_000).optional(),
  textFormat: z.enum(['plain', 'markdown', 'xml']).optional(),
  locale: z.string().max(32).optional(),
  localTimestamp: z.string().max(64).optional(),
  localTimezone: z.string().max(64).optional(),
  name: z.string().max(200).optional(),
  value: z.unknown().optional(),
  /** Web Chat's clientActivityID lives here; the echo must carry it back. */
  channelData: z.record(z.string(), z.unknown()).optional(),
  entities: z.array(z.record(z.string(), z.unknown())).max(20).optional(),
  from: z.object({ name: z.string().max(200).optional() }).optional(),
});
export type PageActivity = z.output<typeof PageActivity>;

/** The fields a bot's reply may show the page; the rest (serviceUrl above all) stays server-side. */
const FROM_BOT = [
  'type',
  'text',
  'textFormat',
  'speak',
  'inputHint',
  'suggestedActions',
  'attachments',
  'attachmentLayout',
  'entities',
  'name',
  'value',
  'valueType',
  'label',
  'locale',
  'replyToId',
  'channelData',
  'summary',
  'importance',
] as const;

export function pickBotFields(activity: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(FROM_BOT.filter((field) => activity[field] !== undefined).map((field) => [field, activity[field]]));
}
