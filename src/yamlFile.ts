import { readFileSync } from 'node:fs';
import { LineCounter, parseDocument, isNode } from 'yaml';

/**
 * One thing wrong with a YAML file of ours (the flows, their translations, the page's and emails'
 * texts), located precisely enough for an author to fix it.
 */
export interface FileProblem {
  file: string;
  /** Where in the file: "nodes.check-link.notHelped" (and the line, when known). */
  at: string;
  line?: number;
  message: string;
}

/** A YAML file parsed, or its problems recorded; `lineOf` finds a key's line for a problem report. */
export function readYaml(
  file: string,
  shown: string,
  problems: FileProblem[],
): { data: unknown; lineOf: (path: (string | number)[]) => number | undefined } | undefined {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    problems.push({ file: shown, at: '', message: 'file not found or unreadable' });
    return undefined;
  }
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: false });
  if (doc.errors.length > 0) {
    for (const error of doc.errors) {
      const line = error.linePos?.[0]?.line ?? lineCounter.linePos(error.pos[0]).line;
      problems.push({ file: shown, at: '', line, message: `not valid YAML: ${firstLine(error.message)}` });
    }
    return undefined;
  }
  return { data: doc.toJS(), lineOf: (path) => lineOf(doc, lineCounter, path) };
}

/** The line of the deepest part of `path` that exists in the document (a missing key points at its parent). */
function lineOf(doc: ReturnType<typeof parseDocument>, lines: LineCounter, path: (string | number)[]): number | undefined {
  for (let depth = path.length; depth >= 0; depth--) {
    const node = depth === 0 ? doc.contents : doc.getIn(path.slice(0, depth), true);
    if (isNode(node) && node.range) return lines.linePos(node.range[0]).line;
  }
  return undefined;
}

function firstLine(message: string): string {
  return message.split('\n')[0] ?? message;
}
