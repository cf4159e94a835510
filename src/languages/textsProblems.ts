import type { FileProblem } from '../yamlFile';

/** One thing wrong with a texts file (flows/page.yaml, flows/email.yaml or a translation of one); `at` is the key: "check.outcome.ok". */
export type TextsProblem = FileProblem;

/** Thrown at start-up when a texts file can't be used; carries every problem found. */
export class TextsError extends Error {
  constructor(readonly problems: TextsProblem[]) {
    super(formatTextsProblems(problems));
    this.name = 'TextsError';
  }
}

/** The same layout as the flow files' problems (src/flow/problems.ts): "file:line  key: message". */
export function formatTextsProblems(problems: TextsProblem[]): string {
  const lines = problems.map((p) => `  ${p.line ? `${p.file}:${p.line}` : p.file}  ${p.at || '(file)'}: ${p.message}`);
  const noun = problems.length === 1 ? 'problem' : 'problems';
  return `The text files have ${problems.length} ${noun}:\n${lines.join('\n')}`;
}
