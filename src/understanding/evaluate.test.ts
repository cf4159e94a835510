import type { Classifier } from './classifier';
import { evaluate, parseLabelledTsv } from './evaluate';

// A stand-in that always answers "camera": the report's arithmetic is what is under test.
const alwaysCamera: Classifier = { threshold: 0.5, classify: () => ({ topic: 'camera', confidence: 0.9, ranked: [] }) };

describe('the accuracy report of `classify --eval`', () => {
  const rows = parseLabelledTsv('text\ttopic\nwebcam off\tcamera\nlink 404\tnot-found\n\nhello\tnone\n');

  it('reads text<TAB>topic lines after the header, skipping blank lines', () => {
    expect(rows).toEqual([
      { text: 'webcam off', topic: 'camera' },
      { text: 'link 404', topic: 'not-found' },
      { text: 'hello', topic: 'none' },
    ]);
  });

  it('counts in-scope hits, out-of-scope rejections and each mistake', () => {
    const result = evaluate(alwaysCamera, rows);
    expect(result.accuracy).toBeCloseTo(1 / 3);
    expect(result.inScopeAccuracy).toBe(0.5);
    expect(result.noneRejection).toBe(0);
    expect(result.perTopic.find((t) => t.topic === 'camera')).toEqual({ topic: 'camera', precision: 1 / 3, recall: 1, support: 1 });
    expect(result.mistakes.map((m) => m.text)).toEqual(['link 404', 'hello']);
  });

  it('names the line that lacks a topic', () => {
    expect(() => parseLabelledTsv('text\ttopic\nno tab here\n')).toThrow(/line 2/);
  });
});
