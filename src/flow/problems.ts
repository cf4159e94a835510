import type { FileProblem } from '../yamlFile';

/** One thing wrong with the flow files, located precisely enough for an author to fix it. */
export type FlowProblem = FileProblem;

/** Thrown when `flows/` can't be used; carries every problem found, not just the first. */
export class FlowError extends Error {
  constructor(readonly problems: FlowProblem[]) {
    super(formatProblems(problems));
    this.name = 'FlowError';
  }
}

export function formatProblems(problems: FlowProblem[]): string {
  const lines = problems.map((p) => {
    const where = p.line ? `${p.file}:${p.line}` : p.file;
    return `  ${where}  ${p.at || '(file)'}: ${p.message}`;
  });
  const noun = problems.length === 1 ? 'problem' : 'problems';
  return `The flow files have ${problems.length} ${noun}:\n${lines.join('\n')}`;
}
