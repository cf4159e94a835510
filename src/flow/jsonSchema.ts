import { z } from 'zod';
import { GuideFile, TopicFile } from './schema';

/** JSON Schemas for editors (`# yaml-language-server: $schema=...`), generated from the zod schemas. */
export function flowJsonSchemas(): Record<string, unknown> {
  return {
    'guide.schema.json': z.toJSONSchema(GuideFile, { io: 'input' }),
    'topic.schema.json': z.toJSONSchema(TopicFile, { io: 'input' }),
  };
}

export function serialize(schema: unknown): string {
  return `${JSON.stringify(schema, null, 2)}\n`;
}
