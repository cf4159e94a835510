import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { z } from 'zod';
import type { UnderstandingTraining } from './classifier';
import { TopicKeywords, UnderstandingFile } from './schema';

/**
 * Reads the classifier's training data from a flows folder: example messages from
 * `understanding.yaml`, keywords from `topics/<id>.yaml`. Throws with the file and field at fault.
 */
export function loadTraining(flowsDir: string): UnderstandingTraining {
  const topicsDir = join(flowsDir, 'topics');
  const topics = readdirSync(topicsDir)
    .filter((file) => file.endsWith('.yaml'))
    .sort()
    .map((file) => parseYamlFile(join(topicsDir, file), TopicKeywords));
  return trainingFrom(readUnderstandingFile(flowsDir), topics);
}

export function readUnderstandingFile(flowsDir: string): UnderstandingFile {
  return parseYamlFile(join(flowsDir, 'understanding.yaml'), UnderstandingFile);
}

/** Pairs each topic's keywords with its example messages; both files must name the same topics. */
export function trainingFrom(understanding: UnderstandingFile, topics: Iterable<TopicKeywords>): UnderstandingTraining {
  const keywordsById = new Map<string, string[]>();
  for (const topic of topics) {
    if (!Object.hasOwn(understanding.topics, topic.id)) {
      throw new Error(`understanding.yaml: topic "${topic.id}" has no example messages; add some under topics.${topic.id}`);
    }
    keywordsById.set(topic.id, topic.keywords);
  }
  for (const id of Object.keys(understanding.topics)) {
    if (!keywordsById.has(id)) throw new Error(`understanding.yaml: topics.${id} is not a topic of the flow; rename or remove it`);
  }
  return {
    topics: Object.entries(understanding.topics).map(([id, examples]) => ({ id, examples, keywords: keywordsById.get(id)! })),
    outOfScope: understanding.outOfScope,
  };
}

function parseYamlFile<T>(path: string, schema: z.ZodType<T>): T {
  const result = schema.safeParse(parse(readFileSync(path, 'utf8')));
  if (!result.success) throw new Error(`${path}: ${z.prettifyError(result.error)}`);
  return result.data;
}
