import { z } from 'zod';
import { TopicFile } from './schema';

const Utterances = z.array(z.string().trim().min(1)).describe('messages as candidates type them');

/** `flows/understanding.yaml`: example messages per topic id, and messages that are no topic at all. */
export const UnderstandingFile = z.strictObject({
  $schema: z.string().optional(),
  topics: z.record(TopicFile.shape.id, Utterances.min(1)),
  outOfScope: Utterances.min(1).describe('messages the bot should not route to any topic'),
});

/** The part of a topic file the classifier reads; the rest belongs to the flow loader. */
export const TopicKeywords = z.object({ id: TopicFile.shape.id, keywords: TopicFile.shape.keywords });

export type UnderstandingFile = z.output<typeof UnderstandingFile>;
export type TopicKeywords = z.output<typeof TopicKeywords>;
