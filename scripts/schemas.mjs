// `npm run schemas`: writes the JSON Schemas (draft 2020-12) of a ledger and of a
// program definition, generated from the zod/mini schemas by the built package,
// to schemas/*.schema.json (shipped as `@exponential/partner-program/schemas/*.json`).
// test/schemas/jsonSchemas.test.ts fails when these files drift from the zod schemas.
import { mkdirSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { generateJsonSchema } from '../dist/index.js';

const dir = fileURLToPath(new URL('../schemas/', import.meta.url));
mkdirSync(dir, { recursive: true });
for (const kind of ['ledger', 'program']) {
  const file = `${dir}${kind}.schema.json`;
  writeFileSync(file, `${JSON.stringify(generateJsonSchema(kind), null, 2)}\n`);
  console.log(`wrote schemas/${kind}.schema.json`);
}
