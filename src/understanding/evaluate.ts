import type { Classifier } from './classifier';

export interface LabelledUtterance {
  text: string;
  topic: string;
}

export interface TopicScore {
  topic: string;
  precision: number;
  recall: number;
  support: number;
}

export interface Evaluation {
  total: number;
  accuracy: number;
  /** Lines labelled with a topic that got that topic. */
  inScopeAccuracy: number;
  /** Lines labelled "none" that got "none". */
  noneRejection: number;
  perTopic: TopicScore[];
  mistakes: { text: string; expected: string; got: string; confidence: number }[];
}

/** Parses `text<TAB>topic` lines after a header line; blank lines are skipped. */
export function parseLabelledTsv(content: string): LabelledUtterance[] {
  return content
    .split(/\r?\n/)
    .slice(1)
    .filter((line) => line.trim() !== '')
    .map((line, i) => {
      const [text, topic] = line.split('\t');
      if (!text || !topic) throw new Error(`line ${i + 2}: expected "text<TAB>topic"`);
      return { text, topic: topic.trim() };
    });
}

export function evaluate(classifier: Classifier, rows: LabelledUtterance[]): Evaluation {
  const results = rows.map((row) => ({ ...row, got: classifier.classify(row.text) }));
  const share = (hits: number, of: number) => (of === 0 ? 1 : hits / of);
  const inScope = results.filter((r) => r.topic !== 'none');
  const outOfScope = results.filter((r) => r.topic === 'none');
  const topics = [...new Set(results.flatMap((r) => [r.topic, r.got.topic]))].sort();
  return {
    total: rows.length,
    accuracy: share(results.filter((r) => r.got.topic === r.topic).length, results.length),
    inScopeAccuracy: share(inScope.filter((r) => r.got.topic === r.topic).length, inScope.length),
    noneRejection: share(outOfScope.filter((r) => r.got.topic === 'none').length, outOfScope.length),
    perTopic: topics.map((topic) => {
      const predicted = results.filter((r) => r.got.topic === topic);
      const actual = results.filter((r) => r.topic === topic);
      const correct = actual.filter((r) => r.got.topic === topic).length;
      return { topic, precision: share(correct, predicted.length), recall: share(correct, actual.length), support: actual.length };
    }),
    mistakes: results
      .filter((r) => r.got.topic !== r.topic)
      .map((r) => ({ text: r.text, expected: r.topic, got: r.got.topic, confidence: r.got.confidence })),
  };
}
