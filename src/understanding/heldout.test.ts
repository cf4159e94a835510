import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createClassifier } from './classifier';
import { evaluate, parseLabelledTsv } from './evaluate';
import { loadTraining } from '../flow/loadTraining';

// heldout.tsv was written apart from the training examples, in other words; it guards against
// edits to flows/understanding.yaml or the topics' keywords that make the bot understand less.
describe('messages the training never saw', () => {
  const classifier = createClassifier(loadTraining(join(__dirname, '../../flows')));
  const result = evaluate(classifier, parseLabelledTsv(readFileSync(join(__dirname, 'heldout.tsv'), 'utf8')));

  it('reach the right topic at least 9 times in 10', () => {
    expect(result.inScopeAccuracy).toBeGreaterThanOrEqual(0.9);
  });

  it('are recognised as out of scope at least 9 times in 10', () => {
    expect(result.noneRejection).toBeGreaterThanOrEqual(0.9);
  });
});
