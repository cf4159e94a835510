import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadFlow } from '../src/flow';
import { toMermaid } from '../src/flow/diagram';
import { decisionTreeDoc } from '../src/flow/decisionTreeDoc';
import { flowJsonSchemas, serialize } from '../src/flow/jsonSchema';

const root = join(__dirname, '..');

test('the decision tree diagram people read in docs/ matches the flow files (run `npm run flows:diagram`)', () => {
  const committed = readFileSync(join(root, 'docs/decision-tree.md'), 'utf8');
  expect(committed).toBe(decisionTreeDoc(toMermaid(loadFlow(join(root, 'flows')))));
});

test.each(Object.entries(flowJsonSchemas()))('editors autocomplete flow files with the current %s (run `npm run flows:schema`)', (name, schema) => {
  expect(readFileSync(join(root, 'flows', name), 'utf8')).toBe(serialize(schema));
});
