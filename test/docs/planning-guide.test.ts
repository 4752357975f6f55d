// docs/guides/planning.md shows a real timeline and plan for a sample ledger;
// this keeps its generated blocks equal to what the library gives.
// `UPDATE_DOCS=1 npx vitest run test/docs` rewrites them.
import { readFileSync, writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { evaluate, explainEvaluation, planUpgrade, reviewTimeline } from '../../src/index';

const guideUrl = new URL('../../docs/guides/planning.md', import.meta.url);
const ledger = JSON.parse(readFileSync(new URL('../../examples/ledgers/professional-integrator.json', import.meta.url), 'utf8'));

function blocks(): Record<string, string> {
  const reviews = reviewTimeline(ledger, { from: '2026-06-01', to: '2027-05-31' });
  const table = [
    '| review | tier | change | points | revenue (USD) | membership | fee |',
    '|---|---|---|---:|---:|---|---|',
    ...reviews.map((r) => `| ${r.date} | ${r.tier ?? '—'} | ${r.change ?? ''} | ${r.points.total} | ${r.revenue.total} | ${r.membership.basis ?? 'inactive'} | ${r.fee.status} |`),
  ].join('\n');
  const plan = planUpgrade(ledger, { asOf: '2026-11-30', target: 'silver', by: '2026-12-31' });
  return {
    timeline: table,
    plan: ['```json', JSON.stringify({ shortfall: plan.shortfall, expiring: plan.expiring, entries: plan.entries }, null, 2), '```'].join('\n'),
    steps: plan.steps.map((s) => `1. ${s}`).join('\n'),
    explain: ['```text', explainEvaluation(evaluate(ledger, { asOf: '2026-11-30' })), '```'].join('\n'),
  };
}

describe('docs/guides/planning.md', () => {
  it('shows what the library gives', () => {
    let guide = readFileSync(guideUrl, 'utf8');
    for (const [name, content] of Object.entries(blocks())) {
      const start = `<!-- ${name}:start -->`;
      const end = `<!-- ${name}:end -->`;
      const from = guide.indexOf(start);
      const to = guide.indexOf(end);
      expect(from, `${name} block`).toBeGreaterThanOrEqual(0);
      const block = `${start}\n${content}\n${end}`;
      if (process.env['UPDATE_DOCS'] === '1') guide = `${guide.slice(0, from)}${block}${guide.slice(to + end.length)}`;
      else expect(guide.slice(from, to + end.length)).toBe(block);
    }
    if (process.env['UPDATE_DOCS'] === '1') writeFileSync(guideUrl, guide);
  });
});
