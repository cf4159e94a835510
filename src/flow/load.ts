import { readdirSync } from 'node:fs';
import { join, relative, basename } from 'node:path';
import type { z } from 'zod';
import { GuideFile, TopicFile } from './schema';
import { UnderstandingFile } from './understandingSchema';
import { FlowError, type FlowProblem } from './problems';
import { readYaml } from '../yamlFile';

/** The flow files as parsed and schema-checked, before cross-references are checked. */
export interface FlowSource {
  guide: GuideFile;
  topics: TopicFile[];
  /** Example messages per topic and out-of-scope, for the classifier. */
  understanding: UnderstandingFile;
  /** Where each topic came from, for problem reports. */
  topicFiles: Map<string, string>;
  /** Raw parsed YAML of every file, used to fingerprint the flow version. */
  raw: unknown[];
  /** Where the guide came from, for problem reports (a translation's own file). */
  guideFile: string;
  /** Each file's parsed YAML before its schema's defaults: what a translation is laid over. */
  parsed: { guide: unknown; topics: Map<string, unknown> };
}

/**
 * Reads `flows/guide.yaml` and `flows/topics/*.yaml`, validating each against its zod schema.
 * Collects every problem in every file before failing, so an author fixes them in one pass.
 */
export function loadFlowSource(flowsDir: string): FlowSource {
  const problems: FlowProblem[] = [];
  const raw: unknown[] = [];
  const show = (file: string) => relative(process.cwd(), file) || file;

  const guideFile = join(flowsDir, 'guide.yaml');
  const guide = parseFile(guideFile, GuideFile, show(guideFile), problems, raw);
  const parsedGuide = raw[raw.length - 1];

  const understandingFile = join(flowsDir, 'understanding.yaml');
  const understanding = parseFile(understandingFile, UnderstandingFile, show(understandingFile), problems, raw);

  const topicsDir = join(flowsDir, 'topics');
  const topics: TopicFile[] = [];
  const topicFiles = new Map<string, string>();
  const parsedTopics = new Map<string, unknown>();
  let names: string[] = [];
  try {
    names = readdirSync(topicsDir).filter((n) => /\.ya?ml$/.test(n)).sort();
  } catch {
    problems.push({ file: show(topicsDir), at: '', message: 'folder not found: topics live in flows/topics/<topic-id>.yaml' });
  }
  for (const name of names) {
    const file = join(topicsDir, name);
    const topic = parseFile(file, TopicFile, show(file), problems, raw);
    if (!topic) continue;
    parsedTopics.set(topic.id, raw[raw.length - 1]);
    const expected = basename(name).replace(/\.ya?ml$/, '');
    if (topic.id !== expected) {
      problems.push({ file: show(file), at: 'id', message: `topic id "${topic.id}" must match the file name "${expected}"` });
    }
    if (topicFiles.has(topic.id)) {
      problems.push({ file: show(file), at: 'id', message: `topic "${topic.id}" is also defined in ${topicFiles.get(topic.id)}` });
    }
    topicFiles.set(topic.id, show(file));
    topics.push(topic);
  }

  if (problems.length > 0 || !guide || !understanding) throw new FlowError(problems);
  return { guide, topics, understanding, topicFiles, raw, guideFile: show(guideFile), parsed: { guide: parsedGuide, topics: parsedTopics } };
}

function parseFile<S extends z.ZodType>(
  file: string,
  schema: S,
  shown: string,
  problems: FlowProblem[],
  raw: unknown[],
): z.output<S> | undefined {
  const read = readYaml(file, shown, problems);
  if (!read) return undefined;
  const { data } = read;
  raw.push(data);
  const result = schema.safeParse(data);
  if (result.success) return result.data;
  for (const issue of result.error.issues) {
    const path = issue.path.filter((k): k is string | number => typeof k !== 'symbol');
    problems.push({ file: shown, at: path.join('.'), line: read.lineOf(path), message: issue.message });
  }
  return undefined;
}
