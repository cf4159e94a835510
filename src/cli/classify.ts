import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { createLanguageIdentification, trainingFor } from '../engine/trainedUnderstanding';
import { loadFlows, type LocalizedFlows } from '../flow';
import { createClassifier, type Classifier } from '../understanding/classifier';
import { evaluate, parseLabelledTsv, type Evaluation } from '../understanding/evaluate';
import { isLanguageCode, LANGUAGE_CODES, type LanguageCode } from '../understanding/language';
import { analysisFor } from '../understanding/languages';

/**
 * classify [--flows DIR] [--threshold N] [FILE]          one utterance per line, any language (stdin without FILE) → JSON lines
 * classify [--flows DIR] [--language L] --eval [FILE.tsv] accuracy report for "text<TAB>topic" lines, per language;
 *                                                          without FILE: test/languages/*.tsv and the English held-out sets
 * classify [--flows DIR] --bench FILE.tsv                per-call timings over every line × 50
 * --with-english trains the other languages with English's examples too (measured: no gain, see trainedUnderstanding.ts).
 * A file's language is its name ("es.tsv", "pt-BR.tsv"), else English, unless --language says.
 * A developer tool: it prints the messages it is given, so feed it test data, never real conversations.
 */

const USAGE = 'usage: classify [--flows DIR] [--threshold N] [--language L] [--with-english] [--eval [FILE.tsv] | --bench FILE.tsv | FILE]';
const ROOT = resolve(__dirname, '../../..');

function main(argv: string[]): void {
  const args = [...argv];
  const option = (name: string): string | undefined => {
    const at = args.indexOf(name);
    if (at < 0) return undefined;
    const value = args[at + 1];
    if (value === undefined) throw new Error(`${name} needs a value\n${USAGE}`);
    args.splice(at, 2);
    return value;
  };
  const flag = (name: string): boolean => {
    const at = args.indexOf(name);
    if (at >= 0) args.splice(at, 1);
    return at >= 0;
  };
  const flowsDir = option('--flows') ?? join(ROOT, 'flows');
  const threshold = option('--threshold');
  const language = option('--language');
  const benchFile = option('--bench');
  const evalMode = flag('--eval');
  const withEnglish = flag('--with-english');
  if (threshold !== undefined && !(Number(threshold) >= 0 && Number(threshold) <= 1)) throw new Error(`--threshold must be between 0 and 1\n${USAGE}`);
  if (language !== undefined && !isLanguageCode(language)) throw new Error(`--language takes a language tag such as ${LANGUAGE_CODES.join(', ')}\n${USAGE}`);
  const flows = loadFlows(flowsDir);
  const classifiers = trainClassifiers(flows, withEnglish, threshold === undefined ? {} : { threshold: Number(threshold) });

  if (evalMode) {
    const files = args.length > 0 ? args : defaultEvalFiles();
    const results = files.map((file) => {
      const code = language ?? languageOfFile(file, flows);
      return { file, code, result: evaluate(classifiers(code), parseLabelledTsv(readFileSync(file, 'utf8'))) };
    });
    for (const { file, code, result } of results) printEvaluation(file, code, result);
    return printSummary(results);
  }
  if (benchFile) return printBenchmark(parseLabelledTsv(readFileSync(benchFile, 'utf8')).map((row) => row.text), classifiers('en').classify);

  const identify = createLanguageIdentification(flows.byLanguage);
  const input = readFileSync(args[0] ?? 0, 'utf8');
  for (const text of input.split(/\r?\n/).filter((line) => line.trim() !== '')) {
    const guess = identify(text, language ?? 'en');
    const { topic, confidence } = classifiers(guess.language as LanguageCode).classify(text);
    process.stdout.write(`${JSON.stringify({ text, language: guess.language, ...(guess.unsupported ? { unsupported: guess.unsupported } : {}), topic, confidence })}\n`);
  }
}

/** One classifier per language, trained when first asked for (the English one from `flows/` itself). */
function trainClassifiers(flows: LocalizedFlows, withEnglish: boolean, options: { threshold?: number }): (code: LanguageCode) => Classifier {
  const trained = new Map<LanguageCode, Classifier>();
  return (code) => {
    let classifier = trained.get(code);
    if (!classifier) {
      const flow = flows.byLanguage.get(code);
      if (!flow) throw new Error(`no flow in language "${code}" (flows/locales/${code}/)`);
      classifier = createClassifier(trainingFor(flow, code, withEnglish ? flows.english : undefined), { ...options, language: analysisFor(code) });
      trained.set(code, classifier);
    }
    return classifier;
  };
}

/** test/languages/es.tsv is Spanish; any other file (dev.tsv, heldout.tsv) English. */
function languageOfFile(file: string, flows: LocalizedFlows): LanguageCode {
  const name = basename(file).replace(/\.tsv$/, '');
  return flows.byLanguage.has(name) ? name : 'en';
}

function defaultEvalFiles(): string[] {
  const dir = join(ROOT, 'test/languages');
  const languages = existsSync(dir) ? readdirSync(dir).filter((file) => file.endsWith('.tsv')).sort().map((file) => join(dir, file)) : [];
  const english = [join(ROOT, 'src/understanding/heldout.tsv'), join(ROOT, '../shared/utterances/dev.tsv')].filter((file) => existsSync(file));
  return [...english, ...languages];
}

const percent = (value: number) => `${(value * 100).toFixed(1)}%`;

function printEvaluation(file: string, code: LanguageCode, result: Evaluation): void {
  console.log(`== ${file} (${code})`);
  console.log(`lines: ${result.total}`);
  console.log(`accuracy: ${percent(result.accuracy)}`);
  console.log(`in-scope accuracy: ${percent(result.inScopeAccuracy)}`);
  console.log(`none rejected: ${percent(result.noneRejection)}`);
  console.log('\ntopic                     precision  recall  lines');
  for (const t of result.perTopic) {
    console.log(`${t.topic.padEnd(26)}${percent(t.precision).padStart(9)}${percent(t.recall).padStart(8)}${String(t.support).padStart(7)}`);
  }
  console.log(`\nmisclassified: ${result.mistakes.length}`);
  for (const m of result.mistakes) console.log(`  [${m.expected} → ${m.got} ${m.confidence}] ${m.text}`);
  console.log('');
}

function printSummary(results: { file: string; code: LanguageCode; result: Evaluation }[]): void {
  if (results.length < 2) return;
  console.log('language  lines  in-scope  none rejected  file');
  for (const { file, code, result } of results) {
    console.log(`${code.padEnd(8)}${String(result.total).padStart(7)}${percent(result.inScopeAccuracy).padStart(10)}${percent(result.noneRejection).padStart(15)}  ${file}`);
  }
}

function printBenchmark(texts: string[], classify: (text: string) => unknown): void {
  const REPETITIONS = 50;
  for (const text of texts) classify(text); // warm up the JIT and the typo memory alike
  const timings: number[] = [];
  for (let round = 0; round < REPETITIONS; round++) {
    for (const text of texts) {
      const start = performance.now();
      classify(text);
      timings.push(performance.now() - start);
    }
  }
  timings.sort((a, b) => a - b);
  const at = (q: number) => timings[Math.min(timings.length - 1, Math.floor(q * timings.length))]!.toFixed(3);
  console.log(`calls: ${timings.length}  p50: ${at(0.5)} ms  p99: ${at(0.99)} ms  max: ${timings[timings.length - 1]!.toFixed(3)} ms`);
}

try {
  main(process.argv.slice(2));
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
}
