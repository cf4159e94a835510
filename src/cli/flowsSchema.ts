import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { flowJsonSchemas, serialize } from '../flow/jsonSchema';

/** `npm run flows:schema`: writes the JSON Schemas beside the flow files. */
const dir = process.argv[2] ?? 'flows';
for (const [name, schema] of Object.entries(flowJsonSchemas())) {
  writeFileSync(join(dir, name), serialize(schema));
  process.stdout.write(`wrote ${join(dir, name)}\n`);
}
