// Host time zone independence (issue #7): the same generated ledgers go
// through the built package in four child processes, each under its own TZ —
// UTC, Pacific/Kiritimati (UTC+14, skipped 1994-12-31), America/St_Johns
// (UTC−3:30 with daylight saving) and Pacific/Pago_Pago (UTC−11) — and every
// evaluation, timeline and plan must come out byte for byte the same.
// (`npm test` also reruns the whole suite under two of these zones.)
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { asOfArbitrary, ledgerArbitrary } from './arbitraries';

const zones = ['UTC', 'Pacific/Kiritimati', 'America/St_Johns', 'Pacific/Pago_Pago'];
const dist = fileURLToPath(new URL('../../dist/index.js', import.meta.url));

// Runs in each child: evaluates every case at its asOf with each window kind,
// reviews the month-ends of the year before it and plans the next tier; prints JSON (or the error's issues).
const childScript = `
import { readFileSync } from 'node:fs';
const lib = await import(process.argv[1]);
const cases = JSON.parse(readFileSync(process.argv[2], 'utf8'));
const attempt = (f) => { try { return f(); } catch (error) { return { thrown: error.name, issues: error.issues }; } };
const out = cases.map(({ ledger, asOf, from, to }) => ({
  offset: new Date(2026, 0, 15, 12).getTimezoneOffset(),
  evaluations: ['rolling-12-months', 'calendar-year', 'partnership-year'].map((window) => attempt(() => lib.evaluate(ledger, { asOf, window }))),
  timeline: attempt(() => lib.reviewTimeline(ledger, { from, to })),
  plan: attempt(() => lib.planUpgrade(ledger, { asOf })),
}));
process.stdout.write(JSON.stringify(out));
`;

/** From the first of the month a year before `asOf` to `asOf`: 12 or 13 month-end reviews. */
function span(asOf: string): { from: string; to: string } {
  return { from: `${Number(asOf.slice(0, 4)) - 1}${asOf.slice(4, 8)}01`, to: asOf };
}

describe('host time zone independence (child processes)', () => {
  it('gives byte-identical evaluations, timelines and plans under UTC, UTC+14, UTC−3:30 and UTC−11', () => {
    const cases = fc
      .sample(fc.tuple(ledgerArbitrary(25), asOfArbitrary), { seed: 20261129, numRuns: 60 })
      .map(([ledger, asOf]) => ({ ledger, asOf, ...span(asOf) }));
    const dir = mkdtempSync(join(tmpdir(), 'tz-props-'));
    const input = join(dir, 'cases.json');
    writeFileSync(input, JSON.stringify(cases));

    const outputs = zones.map((zone) => {
      const run = spawnSync(process.execPath, ['--input-type=module', '-e', childScript, dist, input], {
        encoding: 'utf8',
        env: { ...process.env, TZ: zone },
        maxBuffer: 256 * 1024 * 1024,
      });
      expect(run.stderr, zone).toBe('');
      expect(run.status, zone).toBe(0);
      return JSON.parse(run.stdout) as { offset: number }[];
    });

    // Each child really ran in its zone (offsets in minutes west of UTC, mid-January).
    expect(outputs.map((output) => output[0]?.offset)).toEqual([0, -840, 210, 660]);
    const strip = (output: { offset: number }[]) => JSON.stringify(output.map(({ offset: _offset, ...rest }) => rest));
    const reference = strip(outputs[0] as { offset: number }[]);
    // The cases are not trivial: most evaluate, some plans and timelines reach a tier.
    expect(reference).toContain('"tier":"');
    expect(reference).not.toContain('"thrown"');
    for (const [index, output] of outputs.entries()) expect(strip(output), zones[index]).toBe(reference);
  });
});
