import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadFlows } from '../flow';
import { evaluate, parseLabelledTsv } from '../understanding/evaluate';
import { createUnderstanding } from './trainedUnderstanding';

// test/languages/<language>.tsv: messages written apart from flows/locales/<language>/understanding.yaml,
// by other people, in other words. Never copy a line from there into the training.
const ROOT = join(__dirname, '../..');
const flows = loadFlows(join(ROOT, 'flows'));

describe.each(['es', 'fr', 'de', 'pt-BR'])('messages in %s the training never saw', (language) => {
  const testFile = join(ROOT, 'test/languages', `${language}.tsv`);
  const ownExamples = !flows.gaps.some((gap) => gap.language === language && gap.file.endsWith('understanding.yaml'));

  it('have their training examples and a held-out file', () => {
    expect({ [`flows/locales/${language}/understanding.yaml`]: ownExamples ? 'present' : 'missing: write it (docs/TRANSLATING.md)' }).toEqual({
      [`flows/locales/${language}/understanding.yaml`]: 'present',
    });
    expect({ [`test/languages/${language}.tsv`]: existsSync(testFile) ? 'present' : 'missing' }).toEqual({ [`test/languages/${language}.tsv`]: 'present' });
  });

  const result =
    ownExamples && existsSync(testFile) && flows.byLanguage.has(language)
      ? evaluate(createUnderstanding(flows.byLanguage.get(language)!, language), parseLabelledTsv(readFileSync(testFile, 'utf8')))
      : undefined;

  it('reach the right topic at least 9 times in 10', () => {
    expect(result?.inScopeAccuracy).toBeGreaterThanOrEqual(0.9);
  });

  it('are recognised as out of scope at least 85 times in 100', () => {
    expect(result?.noneRejection).toBeGreaterThanOrEqual(0.85);
  });
});
