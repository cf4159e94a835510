import type { UnderstandingTraining } from './classifier';

/**
 * The example messages the classifier learns from, as `flows/understanding.yaml` holds them. Declared
 * here by shape so understanding stays below the flow: `src/flow/understandingSchema.ts` checks the file.
 */
export interface UnderstandingExamples {
  topics: Record<string, string[]>;
  outOfScope: string[];
}

/** The part of a topic the classifier reads: its id and the words that name it. */
export interface TopicKeywords {
  id: string;
  keywords: string[];
}

/** Pairs each topic's keywords with its example messages; both files must name the same topics. */
export function trainingFrom(understanding: UnderstandingExamples, topics: Iterable<TopicKeywords>): UnderstandingTraining {
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
