import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { z } from 'zod';
import type { UnderstandingTraining } from '../understanding/classifier';
import { trainingFrom } from '../understanding/trainingFrom';
import { TopicKeywords, UnderstandingFile } from './understandingSchema';

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

function parseYamlFile<T>(path: string, schema: z.ZodType<T>): T {
  const result = schema.safeParse(parse(readFileSync(path, 'utf8')));
  if (!result.success) throw new Error(`${path}: ${z.prettifyError(result.error)}`);
  return result.data;
}
