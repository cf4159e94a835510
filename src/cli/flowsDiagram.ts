import { writeFileSync } from 'node:fs';
import { loadFlow, FlowError } from '../flow';
import { toMermaid } from '../flow/diagram';
import { decisionTreeDoc } from '../flow/decisionTreeDoc';

/** `npm run flows:diagram`: regenerates docs/decision-tree.md from flows/. */
const [flowsDir = 'flows', out = 'docs/decision-tree.md'] = process.argv.slice(2);
try {
  const flow = loadFlow(flowsDir);
  writeFileSync(out, decisionTreeDoc(toMermaid(flow)));
  process.stdout.write(`wrote ${out}\n`);
} catch (error) {
  if (!(error instanceof FlowError)) throw error;
  process.stderr.write(`${error.message}\n`);
  process.exit(1);
}
