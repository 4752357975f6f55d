// "What if the Silver threshold became 25,000?" Compares the sample ledgers of
// examples/ledgers/ (and ledgers/ here: Kestrel, a partner just over the Silver
// line) under the built-in program and under its dated 2027 version
// (exponential-2027.json: Silver at 25,000 points from 2027-01-01), as of
// 2027-01-31, and prints what changed and who moves. Plain Node; uses the BUILT package:
//   npm run build && node examples/programs/compare.mjs
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { compareUnder, defineProgram, diffPrograms, exponentialProgram } from '../../dist/index.js';

const AS_OF = '2027-01-31';
const here = fileURLToPath(new URL('.', import.meta.url));
const readJson = (file) => JSON.parse(readFileSync(file, 'utf8'));
const jsonFiles = (dir) => readdirSync(dir).filter((name) => name.endsWith('.json')).sort().map((name) => join(dir, name));

const reform = defineProgram(readJson(join(here, 'exponential-2027.json')));
const files = [...jsonFiles(join(here, '..', 'ledgers')), ...jsonFiles(join(here, 'ledgers'))];
const ledgers = files.map(readJson);

const diff = diffPrograms(exponentialProgram, reform, { asOf: AS_OF });
console.log(`${diff.a.id} ${diff.a.version} → ${diff.b.id} ${diff.b.version}:`);
for (const change of diff.changes) console.log(`  ${change.message}`);
console.log('');

const comparison = compareUnder(ledgers, { asOf: AS_OF, base: exponentialProgram, candidate: reform });
console.log(`As of ${AS_OF}:`);
const width = Math.max(...comparison.partners.map((row) => (row.name ?? row.partner).length));
for (const row of comparison.partners) {
  const from = row.base.tierName ?? '—';
  const to = row.candidate.tierName ?? '—';
  const arrow = row.move === 'same' ? `${from} (same)` : `${from} → ${to} (${row.move})`;
  console.log(`  ${(row.name ?? row.partner).padEnd(width)}  ${row.base.points.toLocaleString('en-US').padStart(7)} points  ${arrow}`);
}
console.log('');
console.log(comparison.summary);
