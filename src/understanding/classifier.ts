import { createAnalyzer, plainStems, termCounts } from './features';
import type { LanguageAnalysis } from './language';
import { english } from './languages';
import { trainSoftmax } from './softmaxRegression';
import { splitSentences } from './splitSentences';
import { exampleVector, messageVector, termWeights } from './termWeights';

export interface TopicTraining {
  id: string;
  keywords: string[];
  examples: string[];
}

export interface UnderstandingTraining {
  topics: TopicTraining[];
  outOfScope: string[];
}

export interface RankedTopic {
  topic: string;
  confidence: number;
}

export interface Classification {
  /** A topic id, or "none" when nothing was understood well enough or the message is out of scope. */
  topic: string;
  /** For a topic: how likely it is the one meant (0..1). For "none": how likely no topic was meant. */
  confidence: number;
  /** The three likeliest topics, best first, never "none": what to offer when asking "did you mean…?". */
  ranked: RankedTopic[];
}

export interface Classifier {
  classify(text: string): Classification;
  readonly threshold: number;
}

export interface ClassifierOptions {
  /** Below this confidence the answer is "none". */
  threshold?: number;
  /** The language of the training and of the messages: its words, stems, stop words and synonyms. English by default. */
  language?: LanguageAnalysis;
}

/**
 * Chosen on leave-one-out runs over the training examples and on src/understanding/heldout.tsv:
 * above it, in-scope recall drops fast while out-of-scope rejection hardly improves.
 */
export const DEFAULT_THRESHOLD = 0.25;

const NONE = 'none';
// Settings of the regression, chosen with the threshold (see above). Deterministic either way.
const TRAINING = { l2: 0.0003, iterations: 300, learningRate: 6 };

/**
 * Routes a typed message to a topic. Each topic's example messages and keywords, and the
 * out-of-scope examples as one more class, "none", train a multinomial logistic regression over
 * TF-IDF-weighted word stems and word pairs; its probabilities are the confidences. Training
 * happens once, here (~100 ms); `classify` only reads.
 */
export function createClassifier(training: UnderstandingTraining, options: ClassifierOptions = {}): Classifier {
  const threshold = options.threshold ?? DEFAULT_THRESHOLD;
  const language = options.language ?? english;
  const topicIds = training.topics.map((topic) => topic.id);
  if (topicIds.includes(NONE)) throw new Error('"none" is reserved for out-of-scope messages; rename that topic');
  const labels = [...topicIds, NONE];

  const labelled = [
    ...training.topics.flatMap((topic) => [...topic.keywords, ...topic.examples].map((text) => ({ label: topic.id, text }))),
    ...training.outOfScope.map((text) => ({ label: NONE, text })),
  ];
  const analyze = createAnalyzer(labelled.map((example) => example.text), language);
  const counted = labelled.map(({ label, text }) => ({ label, counts: termCounts(plainStems(text, language)) }));
  const weights = termWeights(counted, labels.length, language);
  const model = trainSoftmax({
    ...TRAINING,
    labels,
    examples: counted.filter(({ counts }) => counts.size > 0).map(({ label, counts }) => ({ label, features: exampleVector(counts, weights) })),
  });

  function scoreReading(text: string): Map<string, number> {
    const features = messageVector(termCounts(analyze(text)), weights);
    // Nothing recognisable at all ("ok", "asdfgh"): no topic, rather than the model's prior.
    if (features.size === 0) return new Map(labels.map((label) => [label, label === NONE ? 1 : 0]));
    const probabilities = model.predict(features);
    return new Map(labels.map((label, i) => [label, probabilities[i]!]));
  }

  return {
    threshold,
    classify(text: string): Classification {
      return decide(splitSentences(text).map(scoreReading), topicIds, threshold);
    },
  };
}

/**
 * A long message may mix small talk with the problem ("Hi! Hope you're well. My link says 404.").
 * The message is read whole and sentence by sentence; a topic wins if some reading puts it ahead of
 * "none" and at or above the threshold.
 */
function decide(readings: Map<string, number>[], topicIds: string[], threshold: number): Classification {
  const best = new Map<string, number>(topicIds.map((id) => [id, 0]));
  let chosen: RankedTopic | undefined;
  let noneScore = 0;
  for (const scores of readings) {
    const none = scores.get(NONE) ?? 0;
    noneScore = Math.max(noneScore, none);
    for (const id of topicIds) {
      const score = scores.get(id) ?? 0;
      best.set(id, Math.max(best.get(id)!, score));
      if (score > none && score >= threshold && (!chosen || score > chosen.confidence)) chosen = { topic: id, confidence: score };
    }
  }
  const ranked = [...best]
    .map(([topic, confidence]) => ({ topic, confidence: round(confidence) }))
    .sort((a, b) => b.confidence - a.confidence || a.topic.localeCompare(b.topic))
    .slice(0, 3);
  if (chosen) return { topic: chosen.topic, confidence: round(chosen.confidence), ranked };
  return { topic: NONE, confidence: round(Math.max(noneScore, 1 - (ranked[0]?.confidence ?? 0))), ranked };
}

function round(value: number): number {
  return Math.round(Math.min(1, Math.max(0, value)) * 1000) / 1000;
}
