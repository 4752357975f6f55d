// The built ESM and CJS entries load in Node and give identical results,
// identical to the sources (npm test builds dist/ before running the suite).
import { createRequire } from 'node:module';
import { beforeAll, describe, expect, it } from 'vitest';
import * as source from '../../src/index';
import { ensureBuilt } from '../cli/helpers';

const esmUrl = new URL('../../dist/index.js', import.meta.url);
const cjsPath = new URL('../../dist/index.cjs', import.meta.url).pathname;

const ledger = {
  partner: { id: 'acme', joinedOn: '2023-03-15' },
  entries: [
    { id: 'r1', type: 'revenue', date: '2026-01-10T23:30:00-05:00', amount: '7199.90', source: 'direct-sale' },
    { id: 'r2', type: 'revenue', date: '2026-01-11', amount: 0.07, source: 'subscription' },
    { id: 'r3', type: 'revenue', date: '2026-01-12', amount: '0.03', source: 'project-licensing' },
    { id: 'a1', type: 'activity', date: '2026-02-03', activity: 'event-attendance' },
    { id: 'c1', type: 'certification', date: '2025-06-01', holder: 'jane', certification: 'developer', expiresOn: '2027-05-31' },
    { id: 'f1', type: 'fee-payment', date: '2026-01-01', months: 12, amount: '540.00' },
  ],
};

describe('built entries', () => {
  // The built package is the thing under test: build it when it is missing or stale, never skip.
  beforeAll(() => ensureBuilt(), 180_000);

  it('ESM and CJS give the same evaluation, timeline and plan as the sources', async () => {
    const esm = (await import(esmUrl.href)) as typeof source;
    const cjs = createRequire(import.meta.url)(cjsPath) as typeof source;
    for (const api of [esm, cjs]) {
      expect(api.evaluate(ledger, { asOf: '2026-06-30' })).toStrictEqual(source.evaluate(ledger, { asOf: '2026-06-30' }));
      expect(api.reviewTimeline(ledger, { from: '2026-01-01', to: '2026-12-31' })).toStrictEqual(source.reviewTimeline(ledger, { from: '2026-01-01', to: '2026-12-31' }));
      expect(api.planUpgrade(ledger, { asOf: '2026-06-30' })).toStrictEqual(source.planUpgrade(ledger, { asOf: '2026-06-30' }));
    }
    expect(esm.evaluate(ledger, { asOf: '2026-06-30' }).tier).toBe('professional');
  });

  it('throws the ValidationError class of its own entry', async () => {
    const esm = (await import(esmUrl.href)) as typeof source;
    const cjs = createRequire(import.meta.url)(cjsPath) as typeof source;
    expect(() => esm.evaluate({}, { asOf: '2026-06-30' })).toThrow(esm.ValidationError);
    expect(() => cjs.evaluate({}, { asOf: '2026-06-30' })).toThrow(cjs.ValidationError);
  });
});
