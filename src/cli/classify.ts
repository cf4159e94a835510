import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { createClassifier } from '../understanding/classifier';
import { evaluate, parseLabelledTsv } from '../understanding/evaluate';
import { loadTraining } from '../flow/loadTraining';

/**
 * classify [--flows DIR] [--threshold N] [FILE]   one utterance per line (stdin without FILE) → JSON lines
 * classify [--flows DIR] --eval FILE.tsv           accuracy report for "text<TAB>topic" lines
 * classify [--flows DIR] --bench FILE.tsv          per-call timings over every line × 50
 * A developer tool: it prints the messages it is given, so feed it test data, never real conversations.
 */

const USAGE = 'usage: classify [--flows DIR] [--threshold N] [--eval FILE.tsv | --bench FILE.tsv | FILE]';

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
  const flowsDir = option('--flows') ?? resolve(__dirname, '../../../flows');
  const threshold = option('--threshold');
  const evalFile = option('--eval');
  const benchFile = option('--bench');
  if (threshold !== undefined && !(Number(threshold) >= 0 && Number(threshold) <= 1)) throw new Error(`--threshold must be between 0 and 1\n${USAGE}`);
  const classifier = createClassifier(loadTraining(flowsDir), threshold === undefined ? {} : { threshold: Number(threshold) });

  if (evalFile) return printEvaluation(evaluate(classifier, parseLabelledTsv(readFileSync(evalFile, 'utf8'))));
  if (benchFile) return printBenchmark(parseLabelledTsv(readFileSync(benchFile, 'utf8')).map((row) => row.text), classifier.classify);

  const input = readFileSync(args[0] ?? 0, 'utf8');
  for (const text of input.split(/\r?\n/).filter((line) => line.trim() !== '')) {
    const { topic, confidence } = classifier.classify(text);
    process.stdout.write(`${JSON.stringify({ text, topic, confidence })}\n`);
  }
}

function printEvaluation(result: ReturnType<typeof evaluate>): void {
  const percent = (value: number) => `${(value * 100).toFixed(1)}%`;
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
