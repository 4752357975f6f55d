import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { evaluate, parseLedger, type Evaluation } from '../../src/index';
import { asOfArbitrary, entryBody, ledgerArbitrary, runs, type RawLedger } from './arbitraries';

const tierOrder = [null, 'now', 'starter', 'basic', 'professional', 'silver', 'gold', 'platinum'];

/** Everything but what names entries by id (the outcomes, and the ids of what leaves next). */
function withoutEntries(evaluation: Evaluation): unknown {
  const { entries: _entries, leavingNext, ...rest } = evaluation;
  if (leavingNext === null) return { ...rest, leavingNext };
  const { entries: _ids, ...leaving } = leavingNext;
  return { ...rest, leavingNext: leaving };
}

function outcomeShapes(evaluation: Evaluation): string[] {
  return evaluation.entries.map((o) => `${o.outcome}|${o.points}|${o.rule}|${o.reason ?? ''}|${o.amount ?? ''}`).sort();
}

describe('evaluation properties', () => {
  it('does not depend on the order of the entries', () => {
    fc.assert(
      fc.property(ledgerArbitrary(), asOfArbitrary, fc.func(fc.integer()), (ledger, asOf, rank) => {
        const shuffled = { ...ledger, entries: [...ledger.entries].sort((a, b) => rank(a) - rank(b)) };
        const a = evaluate(ledger, { asOf });
        const b = evaluate(shuffled, { asOf });
        expect(withoutEntries(b)).toEqual(withoutEntries(a));
        expect(outcomeShapes(b)).toEqual(outcomeShapes(a));
      }),
      runs(200),
    );
  });

  it('gives every input entry exactly one outcome, in input order, and adds up (SPEC §2.1)', () => {
    fc.assert(
      fc.property(ledgerArbitrary(), asOfArbitrary, (ledger, asOf) => {
        const result = evaluate(ledger, { asOf });
        expect(result.entries.map((o) => o.id)).toEqual(ledger.entries.map((e) => e.id));
        const counted = result.entries.filter((o) => o.outcome === 'counted').reduce((sum, o) => sum + o.points, 0);
        const derived = result.derived.reduce((sum, d) => sum + d.points, 0);
        const categories = Object.values(result.points.byCategory).reduce((sum, p) => sum + p, 0);
        expect(Object.keys(result.points.byCategory).sort()).toEqual(['adjustment', 'bonus', 'certification', 'knowledge', 'partner-year', 'program', 'revenue', 'special']);
        expect(counted + derived + result.revenue.points).toBe(categories);
        expect(result.points.total).toBe(Math.max(0, categories));
        expect(result.points.total).toBeGreaterThanOrEqual(0);
        expect(result.entries.filter((o) => o.outcome === 'excluded').every((o) => o.points === 0)).toBe(true);
      }),
      runs(200),
    );
  });

  it('survives a JSON round trip unchanged, and is the same for a parsed ledger', () => {
    fc.assert(
      fc.property(ledgerArbitrary(), asOfArbitrary, (ledger, asOf) => {
        const result = evaluate(ledger, { asOf });
        expect(JSON.parse(JSON.stringify(result))).toStrictEqual(result);
        const parsed = parseLedger(ledger);
        expect(parsed.ok).toBe(true);
        if (parsed.ok) {
          expect(evaluate(parsed.ledger, { asOf })).toStrictEqual(result);
          // The normalised ledger is itself valid input and means the same.
          expect(evaluate(JSON.parse(JSON.stringify(parsed.ledger)), { asOf })).toStrictEqual(result);
        }
      }),
      runs(100),
    );
  });

  it('gives a parsed ledger the same result whatever was evaluated on it before (memoised reviews)', () => {
    fc.assert(
      fc.property(ledgerArbitrary(), fc.array(asOfArbitrary, { minLength: 1, maxLength: 4 }), (ledger, dates) => {
        const parsed = parseLedger(ledger);
        if (!parsed.ok) throw new Error('generated ledger must be valid');
        const reused = dates.map((asOf) => evaluate(parsed.ledger, { asOf }));
        dates.forEach((asOf, i) => expect(reused[i]).toStrictEqual(evaluate(ledger, { asOf })));
      }),
      runs(100),
    );
  });

  it('is unchanged when a revenue entry is split in two', () => {
    fc.assert(
      fc.property(ledgerArbitrary(), asOfArbitrary, fc.integer({ min: -50_000, max: 50_000 }), (ledger, asOf, cents) => {
        const index = ledger.entries.findIndex((e) => e['type'] === 'revenue');
        fc.pre(index >= 0);
        const entry = ledger.entries[index]!;
        const total = Math.round(Number(entry['amount']) * 100);
        const part = (c: number) => `${c < 0 ? '-' : ''}${Math.floor(Math.abs(c) / 100)}.${String(Math.abs(c) % 100).padStart(2, '0')}`;
        const split = [...ledger.entries];
        split.splice(index, 1, { ...entry, amount: part(cents) }, { ...entry, id: 'split', amount: part(total - cents) });
        const a = evaluate(ledger, { asOf });
        const b = evaluate({ ...ledger, entries: split }, { asOf });
        expect(withoutEntries(b)).toEqual(withoutEntries(a));
      }),
      runs(150),
    );
  });

  it('never lowers the total or the tier when an approved positive entry is added in the window', () => {
    const positive = entryBody.filter((e) =>
      ['activity', 'time', 'bonus', 'special'].includes(e['type'] as string) || (e['type'] === 'revenue' && Number(e['amount']) > 0),
    );
    fc.assert(
      fc.property(ledgerArbitrary(), asOfArbitrary, positive, (ledger: RawLedger, asOf, body) => {
        const before = evaluate(ledger, { asOf });
        const added = { ...body, id: 'added', date: before.window.to, status: 'approved' };
        const after = evaluate({ ...ledger, entries: [...ledger.entries, added] }, { asOf });
        expect(after.points.total).toBeGreaterThanOrEqual(before.points.total);
        expect(tierOrder.indexOf(after.tier)).toBeGreaterThanOrEqual(tierOrder.indexOf(before.tier));
      }),
      runs(150),
    );
  });

  it('does not mutate its input, and works on deep-frozen input', () => {
    const deepFreeze = <T>(value: T): T => {
      if (typeof value === 'object' && value !== null) {
        for (const key of Object.keys(value)) deepFreeze((value as Record<string, unknown>)[key]);
        Object.freeze(value);
      }
      return value;
    };
    fc.assert(
      fc.property(ledgerArbitrary(), asOfArbitrary, (ledger, asOf) => {
        const copy = structuredClone(ledger);
        const frozen = deepFreeze(structuredClone(ledger));
        expect(evaluate(frozen, { asOf })).toStrictEqual(evaluate(ledger, { asOf }));
        expect(ledger).toStrictEqual(copy);
      }),
      runs(50),
    );
  });
});

describe('parseLedger properties', () => {
  it('never throws, whatever the input', () => {
    fc.assert(
      fc.property(fc.oneof(fc.anything(), fc.jsonValue(), fc.record({ partner: fc.anything(), entries: fc.array(fc.anything()) })), (input) => {
        const result = parseLedger(input);
        if (!result.ok) {
          expect(result.issues.length).toBeGreaterThan(0);
          for (const i of result.issues) expect(typeof i.path === 'string' && typeof i.code === 'string' && i.message.length > 0).toBe(true);
        }
      }),
      runs(500),
    );
  });

  it('reports a broken entry at its own path and keeps Object.prototype clean', () => {
    fc.assert(
      fc.property(ledgerArbitrary(10), fc.nat(), fc.constantFrom('amount', 'date', 'id', 'extra', '__proto__', 'constructor'), (ledger, n, field) => {
        fc.pre(ledger.entries.length > 0);
        const index = n % ledger.entries.length;
        const { [field]: _dropped, ...rest } = ledger.entries[index]!;
        // JSON.parse makes "__proto__" an own key, as a hostile payload would.
        const text = JSON.stringify(rest).replace(/^\{/, `{"${field}":{"polluted":true},`);
        const entries = [...ledger.entries];
        entries[index] = JSON.parse(text);
        const result = parseLedger({ ...ledger, entries });
        expect(result.ok).toBe(false);
        if (!result.ok) expect(result.issues.some((i) => i.path.startsWith(`entries[${index}]`))).toBe(true);
        expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
      }),
      runs(200),
    );
  });
});
