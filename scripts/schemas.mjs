// `npm run schemas`: writes the JSON Schemas (draft 2020-12) of a ledger and of a
// program definition, generated from the zod/mini schemas by the built package,
// to schemas/<kind>.schema.json (the file a `$schema` field names) and to
// schemas/<kind>.json, the file at the subpath `@exponential/partner-program/schemas/<kind>.json`
// itself, so that resolvers without "exports" (TypeScript's node10) find it too.
// test/schemas/jsonSchemas.test.ts fails when any of these files drifts from the zod schemas.
import { mkdirSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { generateJsonSchema } from '../dist/index.js';

const dir = fileURLToPath(new URL('../schemas/', import.meta.url));
mkdirSync(dir, { recursive: true });
for (const kind of ['ledger', 'program']) {
  const text = `${JSON.stringify(generateJsonSchema(kind), null, 2)}\n`;
  for (const name of [`${kind}.schema.json`, `${kind}.json`]) {
    writeFileSync(`${dir}${name}`, text);
    console.log(`wrote schemas/${name}`);
  }
}
