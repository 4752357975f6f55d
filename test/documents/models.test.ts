import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  escapeHtml,
  escapeMarkdown,
  evaluate,
  exponentialProgram,
  partnerStatement,
  programOverview,
  renderHtml,
  renderMarkdown,
  ValidationError,
  type DocumentModel,
  type DocumentSection,
  type DocumentTable,
} from '../../src/index';
import { renamed, sampleLedgers } from './helpers';

const asOf = '2026-11-30';
const version = exponentialProgram.versions[0];
// Figures as a reader sees them, computed apart from the library's own formatting.
const count = (n: number) => n.toLocaleString('en-US');

function find(doc: DocumentModel, id: string): DocumentSection {
  const all = doc.sections.flatMap((s) => [s, ...s.subsections]);
  const found = all.find((s) => s.id === id);
  expect(found, `section ${id}`).toBeDefined();
  return found as DocumentSection;
}

function tables(section: DocumentSection): DocumentTable[] {
  return section.blocks.filter((b): b is DocumentTable => b.kind === 'table');
}

function allText(doc: DocumentModel): string {
  const texts: string[] = [doc.title, doc.subtitle];
  const walk = (s: DocumentSection) => {
    texts.push(s.heading);
    for (const b of s.blocks) {
      if (b.kind === 'paragraph' || b.kind === 'quote') texts.push(b.text);
      else if (b.kind === 'list') texts.push(...b.items);
      else texts.push(...b.columns.map((c) => c.header), ...b.rows.flat());
    }
    s.subsections.forEach(walk);
  };
  doc.sections.forEach(walk);
  return texts.join('\n');
}

describe('programOverview', () => {
  const doc = programOverview(exponentialProgram, { asOf });

  it('names the program, its version, effective date and the as-of date', () => {
    expect(doc.kind).toBe('program-overview');
    expect(doc.title).toBe(exponentialProgram.name);
    expect(doc.metadata.program).toEqual({ id: exponentialProgram.id, name: exponentialProgram.name, version: version.version, effectiveFrom: version.effectiveFrom, currency: version.currency });
    expect(doc.metadata.date).toBe(asOf);
    expect(doc.subtitle).toContain(version.version);
    expect(doc.subtitle).toContain(version.effectiveFrom);
  });

  it('covers every topic of the program text', () => {
    for (const id of ['two-ways', 'points-system', 'tiers', 'activities', 'earn-points', 'certifications', 'fee', 'monthly-review', 'rules']) find(doc, id);
  });

  it('lists every tier with its points, minimum revenue and certifications', () => {
    const [table] = tables(find(doc, 'tiers'));
    expect(table?.rows).toHaveLength(version.tiers.length);
    version.tiers.forEach((tier, i) => {
      const row = table?.rows[i] ?? [];
      expect(row[0]).toBe(tier.name);
      expect(row[1]).toBe(count(tier.points));
      expect(row[2]).toBe(tier.revenue === null ? 'None' : `${count(Number(tier.revenue))}.00 ${version.currency}`);
      expect(row[3]).toContain(tier.profileCertifications === 0 && tier.salesCertifications === 0 ? 'None' : `${tier.profileCertifications} Profile`);
      expect(row[4]).toBe(tier.id);
    });
  });

  it('lists every activity with its points, kind, category and evidence', () => {
    const [table] = tables(find(doc, 'activities'));
    expect(table?.rows).toHaveLength(version.activities.length);
    expect(version.activities).toHaveLength(18);
    version.activities.forEach((activity, i) => {
      const row = table?.rows[i] ?? [];
      expect(row[0]).toBe(activity.name);
      expect(row[1]?.startsWith(count(activity.points))).toBe(true);
      expect(row[5]).toBe(activity.id);
      expect(row[6]).toBe(activity.rule);
    });
    const article = table?.rows.find((row) => row[5] === 'article');
    expect(article?.[4]).toBe('500–1,500 words, FLOSS-licensed');
  });

  it('groups the activities by category under How to Earn Points', () => {
    const earn = find(doc, 'earn-points');
    const categories = [...new Set(version.activities.map((a) => a.category))];
    expect(earn.subsections.map((s) => s.id)).toEqual(categories.map((c) => `earn-${c}`));
    for (const activity of version.activities) {
      const sub = earn.subsections.find((s) => s.id === `earn-${activity.category}`);
      const items = sub?.blocks.flatMap((b) => (b.kind === 'list' ? b.items : [])) ?? [];
      expect(items.some((item) => item.startsWith(`${activity.name}: ${count(activity.points)}`))).toBe(true);
    }
  });

  it('gives the two ways to become a partner from the fee and the membership tier', () => {
    const text = allText(doc);
    const membership = version.tiers.find((t) => t.id === version.membershipTier);
    expect(text).toContain(`$${version.fee.monthly} per ${version.fee.period}`);
    expect(text).toContain(`${count(membership?.points ?? -1)} points`);
    expect(text).toContain(`$${count(Number(version.fee.monthly) * 12)}.00 for a year`);
  });

  it('lists the certification catalogue', () => {
    const [table] = tables(find(doc, 'certifications'));
    expect(table?.rows.map((r) => r[2])).toEqual(version.certifications.map((c) => c.id));
  });

  it('follows a custom program (other figures, no literal)', () => {
    const custom = { ...exponentialProgram, versions: [{ ...version, tiers: version.tiers.map((t) => (t.id === 'silver' ? { ...t, points: 25000 } : t)) }] };
    const [table] = tables(find(programOverview(custom, { asOf }), 'tiers'));
    expect(table?.rows.find((r) => r[4] === 'silver')?.[1]).toBe('25,000');
  });

  it('rejects a missing or invalid asOf and unknown options with one ValidationError', () => {
    expect(() => programOverview(exponentialProgram, {} as never)).toThrow(ValidationError);
    try {
      programOverview(exponentialProgram, { asOf: '2026-02-30', extra: 1 } as never);
    } catch (error) {
      expect((error as ValidationError).issues.map((i) => i.path).sort()).toEqual(['asOf', 'extra']);
    }
  });
});

describe('partnerStatement', () => {
  for (const { file, ledger } of sampleLedgers()) {
    it(`${file}: partner, tier, points total and every entry`, () => {
      const e = evaluate(ledger, { asOf });
      const doc = partnerStatement(ledger, { asOf });
      expect(doc.kind).toBe('partner-statement');
      expect(doc.metadata.partner).toEqual(ledger.partner.name === undefined ? { id: ledger.partner.id } : { id: ledger.partner.id, name: ledger.partner.name });
      expect(doc.metadata.date).toBe(asOf);
      const [partner] = tables(find(doc, 'partner'));
      expect(partner?.rows[0]).toEqual(['Partner id', ledger.partner.id]);
      const tier = find(doc, 'tier');
      expect(tier.blocks[0]).toEqual({ kind: 'paragraph', text: `Tier on ${asOf}: ${e.tierName ?? 'no tier'} (R9). Why, and what next:` });
      const [points] = tables(find(doc, 'points'));
      expect(points?.rows.find((r) => r[0] === 'Total')?.[1]).toBe(count(e.points.total));
      expect(points?.rows.find((r) => r[0]?.startsWith('Pending'))?.[1]).toBe(count(e.points.pending));
      const [entries] = tables(find(doc, 'entries'));
      expect(entries?.rows.map((r) => r[0])).toEqual(ledger.entries.map((x) => x.id));
      expect(entries?.rows.map((r) => r[4])).toEqual(e.entries.map((x) => x.outcome));
      const [requirements] = tables(find(doc, 'requirements'));
      expect(requirements?.rows).toHaveLength(e.requirements.reduce((n, r) => n + r.checks.length, 0));
      const [reviews] = tables(find(doc, 'reviews'));
      expect(reviews?.rows.length).toBeLessThanOrEqual(12);
      expect(reviews?.rows.at(-1)?.[0]).toBe(asOf);
    });
  }

  it('lists the last 12 monthly reviews, ending with the last month-end on or before asOf', () => {
    const doc = partnerStatement(renamed('X'), { asOf: '2026-11-15' });
    const [reviews] = tables(find(doc, 'reviews'));
    expect(reviews?.rows.map((r) => r[0])).toEqual(['2025-11-30', '2025-12-31', '2026-01-31', '2026-02-28', '2026-03-31', '2026-04-30', '2026-05-31', '2026-06-30', '2026-07-31', '2026-08-31', '2026-09-30', '2026-10-31']);
  });

  it('shows the next tier and the planUpgrade steps', () => {
    const doc = partnerStatement(renamed('X'), { asOf });
    const next = find(doc, 'next-tier');
    expect(next.blocks.some((b) => b.kind === 'list' && b.ordered && b.items.length > 0)).toBe(true);
  });

  it('passes window and program to every result (calendar-year window)', () => {
    const ledger = renamed('X');
    const e = evaluate(ledger, { asOf, window: 'calendar-year' });
    const doc = partnerStatement(ledger, { asOf, window: 'calendar-year', program: exponentialProgram });
    const [partner] = tables(find(doc, 'partner'));
    expect(partner?.rows.find((r) => r[0] === 'Review window')?.[1]).toBe(`${e.window.from} to ${e.window.to} (calendar-year, R1)`);
    const [points] = tables(find(doc, 'points'));
    expect(points?.rows.find((r) => r[0] === 'Total')?.[1]).toBe(count(e.points.total));
  });

  it('reads hostile options once and answers with one ValidationError', () => {
    const throwing = Object.defineProperty({}, 'asOf', { enumerable: true, get: () => { throw new Error('boom'); } });
    const proxy = new Proxy({}, { ownKeys: () => { throw new Error('boom'); } });
    for (const opts of [throwing, proxy, null, 42, [asOf]]) {
      expect(() => partnerStatement(renamed('X'), opts as never)).toThrow(ValidationError);
      expect(() => programOverview(exponentialProgram, opts as never)).toThrow(ValidationError);
    }
    expect(() => partnerStatement(renamed('X'), { asOf, extra: true } as never)).toThrow(ValidationError);
  });

  it('throws evaluate’s ValidationError for an invalid ledger', () => {
    expect(() => partnerStatement({ partner: { id: 'x', joinedOn: '2020-01-01' }, entries: [{ id: 'a', type: 'revenue' }] }, { asOf })).toThrow(ValidationError);
  });
});

describe('escaping', () => {
  const hostile = '<script>alert("x")</script> *bold* _u_ [link](http://x) | pipe & &amp; `code`\n# heading';

  it('HTML: a partner named <script> stays text', () => {
    const html = renderHtml(partnerStatement(renamed(hostile), { asOf }));
    expect(html).not.toContain('<script');
    expect(html).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;');
    expect(html).toContain('&amp;amp;');
  });

  it('Markdown: syntax in ledger text is escaped', () => {
    const md = renderMarkdown(partnerStatement(renamed(hostile), { asOf }));
    expect(md).toContain('\\<script\\>alert("x")\\</script\\> \\*bold\\* \\_u\\_ \\[link\\](http://x) \\| pipe & \\&amp; \\`code\\` # heading');
    expect(md).not.toContain('\n# heading');
  });

  it('escapeHtml leaves no markup character, whatever the text', () => {
    fc.assert(fc.property(fc.string({ unit: 'binary' }), (text) => !/[<>"'\n\r]/.test(escapeHtml(text))));
  });

  it('escapeMarkdown backslashes every inline marker and breaks no line', () => {
    fc.assert(
      fc.property(fc.string(), (text) => {
        const out = escapeMarkdown(text);
        return !/\n/.test(out) && !/(^|[^\\])[*_`[\]<>|~]/.test(out.replace(/\\\\/g, ''));
      }),
    );
  });

  it('escapeMarkdown keeps line-start markers from starting a block', () => {
    expect(escapeMarkdown('# not a heading')).toBe('\\# not a heading');
    expect(escapeMarkdown('- not a list')).toBe('\\- not a list');
    expect(escapeMarkdown('1. not a list')).toBe('1\\. not a list');
    expect(escapeMarkdown('> not a quote')).toBe('\\> not a quote');
  });
});

describe('renderers', () => {
  const overview = programOverview(exponentialProgram, { asOf });

  it('Markdown has every tier and activity row', () => {
    const md = renderMarkdown(overview);
    expect(md.startsWith(`# ${exponentialProgram.name}\n`)).toBe(true);
    for (const tier of version.tiers) expect(md).toContain(`| ${tier.name} | ${count(tier.points)} |`);
    for (const activity of version.activities) expect(md).toMatch(new RegExp(`\\| ${count(activity.points)}[^|]* \\|.*\\| ${activity.id} \\| ${activity.rule} \\|`));
  });

  it('HTML is self-contained and prints table headers on every page', () => {
    const html = renderHtml(overview, { paper: 'a4' });
    expect(html).not.toMatch(/<script|<link|src=|url\(/);
    expect(html).toContain('thead { display: table-header-group; }');
    expect(html).toContain('@page { size: A4; }');
    expect(html.match(/<thead>/g)?.length).toBe(overview.sections.flatMap((s) => [...s.blocks, ...s.subsections.flatMap((x) => x.blocks)]).filter((b) => b.kind === 'table').length);
    for (const tier of version.tiers) expect(html).toContain(`<td>${tier.name}</td><td class="num">${count(tier.points)}</td>`);
  });
});
