import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  defineProgram,
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
  type TierRequirement,
  type TierRow,
} from '../../src/index';
import { thrownIssues } from '../helpers/ledger';
import { escapeControls } from '../../src/format';
import { hostileDocuments } from './hostile';
import { renamed, sampleLedgers } from './helpers';
import { securityDefinition, securityLedger } from '../program/securityProgram';

const asOf = '2026-11-30';
const version = exponentialProgram.versions[0];
// Figures as a reader sees them, computed apart from the library's own formatting.
const count = (n: number) => n.toLocaleString('en-US');
/** A tier's requirement of a type (and kind), read from its list: its `min`, or undefined. */
const minOf = (tier: TierRow, type: TierRequirement['type'], kind?: string) =>
  tier.requirements.find((r) => r.type === type && (kind === undefined || (r.type === 'certifications' && r.kind === kind)))?.min;
const pointsOf = (tier: TierRow) => Number(minOf(tier, 'points') ?? 0);

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
      expect(row[1]).toBe(count(pointsOf(tier)));
      const revenue = minOf(tier, 'revenue');
      expect(row[2]).toBe(revenue === undefined ? 'None' : `${count(Number(revenue))}.00 ${version.currency}`);
      const [profile, sales] = [minOf(tier, 'certifications', 'profile'), minOf(tier, 'certifications', 'sales')];
      expect(row[3]).toBe(profile === undefined && sales === undefined ? 'None' : `${profile} Profile + ${sales} Sales`);
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
    expect(text).toContain(`$${version.fee.amount} per ${version.fee.period}`);
    expect(text).toContain(`${count(membership === undefined ? -1 : pointsOf(membership))} points`);
    expect(text).toContain(`$${count(Number(version.fee.amount) * 12)}.00 for a year`);
  });

  it('lists the certification catalogue', () => {
    const [table] = tables(find(doc, 'certifications'));
    expect(table?.rows.map((r) => r[2])).toEqual(version.certifications.map((c) => c.id));
  });

  it('follows a custom program (other figures, no literal)', () => {
    const custom = { ...exponentialProgram, versions: [{ ...version, tiers: version.tiers.map((t) => (t.id === 'silver' ? { ...t, requirements: [{ type: 'points', min: 25000 }, ...t.requirements.slice(1)] } : t)) }] };
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

// #16: a program with its own kinds, a named certification, limits and caps, and a yearly fee.
describe('documents of a program with its own kinds, requirements, limits and fee period', () => {
  const program = defineProgram(securityDefinition());
  const overview = programOverview(program, { asOf: '2027-06-30' });
  const rowsOf = (doc: DocumentModel, id: string) => tables(find(doc, id))[0]?.rows ?? [];

  it('overview: the tier table with kind counts and the named certification, and what ×n means', () => {
    expect(rowsOf(overview, 'tiers')).toEqual([
      ['Registered', '1,000', 'None', 'None', 'registered', 'R9'],
      ['Gold', '10,000', '5,000.00 USD', '2 Security', 'gold', 'R9'],
      ['Platinum', '40,000', '20,000.00 USD', '4 Security + Solution Architect Certification ×1', 'platinum', 'R9'],
    ]);
    expect(find(overview, 'tiers').blocks[2]).toEqual({
      kind: 'paragraph',
      text: 'Certification counts are distinct valid (person, certification) pairs on the review date (R8). A tier that names a certification (×n) needs n distinct people who hold it validly on the review date (R8).',
    });
  });

  it('overview: limits and caps in the activity table, category names, kinds by their names', () => {
    const activities = rowsOf(overview, 'activities');
    expect(activities.map((row) => [row[0], row[1], row[2], row[3]])).toEqual([
      ['Webinar', '250', 'at most 4 per calendar quarter', 'Community'],
      ['Forum post', '10', 'at most 1,000 points per calendar year', 'Community'],
      ['Workshop (per attendee)', '500 per attendee', 'per attendee (quantity); at most 3,000 points per calendar quarter', 'Enablement'],
      ['Partner summit', '2,000 a year', 'at most one per calendar year', 'Enablement'],
      ['Certification (per person)', '1,000 per person', 'credited per certified person from certification entries; never reported', 'Enablement'],
    ]);
    expect(find(overview, 'earn-points').subsections.map((sub) => sub.heading)).toEqual(['Community', 'Enablement']);
    const certifications = find(overview, 'certifications');
    expect(certifications.blocks[0]).toMatchObject({ text: expect.stringMatching(/^Certifications are of 2 kinds: Security and Sales\. A certification is valid/) });
    expect(rowsOf(overview, 'certifications').map((row) => row[1])).toEqual(['Security', 'Security', 'Sales']);
  });

  it('overview: a yearly fee is its own year; payments are whole years; the program’s own fee sentence is quoted', () => {
    expect(find(overview, 'two-ways').blocks).toEqual([
      { kind: 'list', ordered: false, items: ['Fee: $500.00 per year grants access to the partner program (R11).', 'Points: partners who meet the Registered requirements (1,000 points) over the review window are members with no fee required (R10).'] },
    ]);
    const fee = find(overview, 'fee');
    const items = fee.blocks[0]?.kind === 'list' ? fee.blocks[0].items : [];
    expect(items.slice(0, 2)).toEqual([
      'The fee is $500.00 per year (R11).',
      'A payment covers its months from its date; a payment made while an earlier one still covers starts when that coverage ends. Its months must be a whole number of years (12 months each) and its amount that number times $500.00, else it does not count (R11).',
    ]);
    expect(fee.blocks.slice(1)).toEqual([{ kind: 'quote', text: 'A yearly fee of $500 USD grants access to the partner program.' }]);
    const quarterly = securityDefinition();
    quarterly.versions[0]!.fee = { ...quarterly.versions[0]!.fee, amount: '150.00', period: 'quarter' };
    const q = find(programOverview(defineProgram(quarterly), { asOf: '2027-06-30' }), 'fee');
    expect(q.blocks[0]).toMatchObject({ items: expect.arrayContaining(['The fee is $150.00 per quarter, $600.00 for a year (R11).']) });
  });

  let built: DocumentModel | undefined;
  const statementOf = () => (built ??= partnerStatement(securityLedger(), { asOf: '2027-06-30', program }));

  it('statement: each requirement by kind name and a named certification’s holders', () => {
    expect(rowsOf(statementOf(), 'requirements').filter((row) => row[0] === 'Platinum')).toEqual([
      ['Platinum', 'no', 'Points', '40,000', '12,000', 'no', '28,000'],
      ['Platinum', 'no', 'Revenue', '20,000.00 USD', '6,000.00 USD', 'no', '14,000.00 USD'],
      ['Platinum', 'no', 'Security certifications', '4', '2', 'no', '2'],
      ['Platinum', 'no', 'Holders of Solution Architect Certification', '1', '0', 'no', '1'],
    ]);
  });

  it('statement: points by the program’s categories, valid pairs per kind, the named certification’s holders', () => {
    const e = evaluate(securityLedger(), { asOf: '2027-06-30', program });
    expect(rowsOf(statementOf(), 'points').slice(0, 3)).toEqual([
      ['Revenue', count(e.points.byCategory.revenue), 'R2'],
      ['Community', count(e.points.byCategory['community'] ?? -1), 'R3'],
      ['Enablement', count(e.points.byCategory['enablement'] ?? -1), 'R3'],
    ]);
    expect(find(statementOf(), 'certifications').blocks[0]).toEqual({
      kind: 'paragraph',
      text: 'Valid on 2027-06-30: 2 security and 0 sales certifications (distinct holder and certification pairs, R8). Solution Architect Certification: 0 holders. Certifications that expire before 2027-09-30 are marked.',
    });
  });

  it('statement: the next tier’s shortfall per kind and per named certification', () => {
    const next = find(statementOf(), 'next-tier');
    expect(tables(next)[0]?.rows).toEqual([
      ['Points', '28,000'],
      ['Revenue', '14,000.00 USD'],
      ['Security certifications', '2'],
      ['Sales certifications', '0'],
      ['Holders of Solution Architect Certification', '1'],
    ]);
  });

  it('statement: a yearly fee due is "per year"; the entries carry the new reason codes', () => {
    const unpaid = securityLedger();
    // One webinar: 250 points, short of Registered's 1,000, and no payment: the fee is due.
    unpaid.entries = unpaid.entries.filter((entry) => entry.id === 'h2');
    const due = partnerStatement(unpaid, { asOf: '2027-06-30', program });
    expect(rowsOf(due, 'membership')).toContainEqual(['Amount due', '500.00 USD per year']);
    const entries = rowsOf(statementOf(), 'entries');
    expect(entries.find((row) => row[0] === 'h6')?.slice(4)).toEqual(['excluded', '0', 'R3', 'quarterly-limit']);
    expect(entries.find((row) => row[0] === 'h7')?.slice(4)).toEqual(['counted', '3,000', 'R3', 'points-cap']);
  });
});

describe('renderers', () => {
  const overview = programOverview(exponentialProgram, { asOf });

  it('Markdown has every tier and activity row', () => {
    const md = renderMarkdown(overview);
    expect(md.startsWith(`# ${exponentialProgram.name}\n`)).toBe(true);
    for (const tier of version.tiers) expect(md).toContain(`| ${tier.name} | ${count(pointsOf(tier))} |`);
    for (const activity of version.activities) expect(md).toMatch(new RegExp(`\\| ${count(activity.points)}[^|]* \\|.*\\| ${activity.id} \\| ${activity.rule} \\|`));
  });

  it('HTML is self-contained and prints table headers on every page', () => {
    const html = renderHtml(overview, { paper: 'a4' });
    expect(html).not.toMatch(/<script|<link|src=|url\(/);
    expect(html).toContain('thead { display: table-header-group; }');
    expect(html).toContain('@page { size: A4; }');
    expect(html.match(/<thead>/g)?.length).toBe(overview.sections.flatMap((s) => [...s.blocks, ...s.subsections.flatMap((x) => x.blocks)]).filter((b) => b.kind === 'table').length);
    for (const tier of version.tiers) expect(html).toContain(`<td>${tier.name}</td><td class="num">${count(pointsOf(tier))}</td>`);
  });
});

// Review finding 1 (#12): the statement looks 3 months ahead and 12 reviews back; near the
// calendar's ends both ranges are cut at 0001-01-01 / 9999-12-31 and the document says so.
describe('partnerStatement at the ends of the calendar', () => {
  /** Whether `text` is a real calendar date 0001-01-01 … 9999-12-31, computed with Date apart from the library. */
  const isCalendarDate = (text: string): boolean => {
    const [y, m, d] = text.split('-').map(Number) as [number, number, number];
    const date = new Date(0);
    date.setUTCFullYear(y, m - 1, d);
    return y >= 1 && y <= 9999 && date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
  };
  const datesIn = (text: string) => text.match(/\d{4}-\d{2}-\d{2}/g) ?? [];
  const early = {
    partner: { id: 'early', name: 'Early Partners', joinedOn: '0001-01-01' },
    entries: [
      { id: 'r1', type: 'revenue', date: '0001-01-01', amount: '8000.00', source: 'direct-sale' },
      { id: 'a1', type: 'activity', date: '0001-01-01', activity: 'event-attendance' },
      { id: 'c1', type: 'certification', date: '0001-01-01', holder: 'ann', certification: 'developer', expiresOn: '0001-02-15' },
    ],
  };
  const late = {
    partner: { id: 'late', name: 'Late Partners', joinedOn: '9990-01-01' },
    entries: [
      // R1: the review on 9999-12-15 counts from 9998-12-16, so this leaves on 9999-12-15, inside the cut look-ahead.
      { id: 'a1', type: 'activity', date: '9998-12-15', activity: 'event-attendance' },
      { id: 'r1', type: 'revenue', date: '9999-09-30', amount: '8000.00', source: 'direct-sale' },
      { id: 'c1', type: 'certification', date: '9999-01-01', holder: 'ann', certification: 'developer', expiresOn: '9999-12-30' },
    ],
  };
  const reviewsOf = (doc: DocumentModel) => tables(find(doc, 'reviews'))[0]?.rows.map((r) => r[0] as string) ?? [];
  const textOf = (doc: DocumentModel, id: string) => find(doc, id).blocks.flatMap((b) => (b.kind === 'paragraph' ? [b.text] : [])).join(' ');

  for (const [asOf, ledger] of [['0001-01-01', early], ['0001-06-30', early], ['9999-10-01', late], ['9999-12-31', late]] as const) {
    it(`${asOf}: a statement with real calendar dates only, rendered to Markdown and HTML`, () => {
      const doc = partnerStatement(ledger, { asOf });
      expect(doc.metadata.date).toBe(asOf);
      const text = allText(doc);
      for (const date of datesIn(text)) expect(isCalendarDate(date), date).toBe(true);
      for (const rendered of [renderMarkdown(doc), renderHtml(doc)]) {
        for (const date of datesIn(rendered)) expect(isCalendarDate(date), date).toBe(true);
      }
      // Every review listed is a month end on or before asOf, inside the calendar.
      for (const date of reviewsOf(doc)) expect(date <= asOf && isCalendarDate(date)).toBe(true);
      // The overview has no look-ahead or look-back, and renders there too.
      const overview = programOverview(exponentialProgram, { asOf });
      expect(renderMarkdown(overview)).toContain(`as of ${asOf}`);
      expect(renderHtml(overview)).toContain(`as of ${asOf}`);
    });
  }

  it('cuts the look-back at the first month end and says so', () => {
    // Before 0001-01-31 no month end exists in the calendar: no review, and a sentence why.
    const first = partnerStatement(early, { asOf: '0001-01-30' });
    expect(tables(find(first, 'reviews'))).toEqual([]);
    expect(textOf(first, 'reviews')).toContain('the calendar starts on 0001-01-01');
    const mid = partnerStatement(early, { asOf: '0001-06-30' });
    expect(reviewsOf(mid)).toEqual(['0001-01-31', '0001-02-28', '0001-03-31', '0001-04-30', '0001-05-31', '0001-06-30']);
    expect(textOf(mid, 'reviews')).toContain('The 6 monthly reviews up to 0001-06-30 (R12). The calendar starts on 0001-01-01');
    // The tier on each review is the one evaluate gives on that date.
    const [reviews] = tables(find(mid, 'reviews'));
    for (const row of reviews?.rows ?? []) expect(row[1]).toBe(evaluate(early, { asOf: row[0] as string }).tierName ?? 'No tier');
    // From 0001-12-31 on, twelve month ends exist: the list is not cut.
    const full = partnerStatement(early, { asOf: '0001-12-31' });
    expect(reviewsOf(full)).toHaveLength(12);
    expect(textOf(full, 'reviews')).not.toContain('calendar starts');
  });

  it('cuts the look-ahead at 9999-12-31 and says so, still listing what leaves by then', () => {
    const doc = partnerStatement(late, { asOf: '9999-10-01' });
    const leaving = textOf(doc, 'leaving');
    expect(leaving).toContain('no longer counts by 9999-12-31');
    expect(leaving).toContain('The calendar ends on 9999-12-31: the three months after 9999-10-01 are cut there.');
    const [table] = tables(find(doc, 'leaving'));
    expect(table?.rows.map((r) => [r[0], r[2]])).toContainEqual(['a1', '9999-12-15']);
    // Expires 9999-12-30: valid through that day, gone from 9999-12-31 (R8).
    expect(table?.rows.map((r) => [r[0], r[2]])).toContainEqual(['c1', '9999-12-31']);
    const [valid] = tables(find(doc, 'certifications'));
    expect(valid?.rows.find((r) => r[0] === 'ann')?.[5]).toBe('expires by 9999-12-31, the end of the calendar');
    // Three months before the end, nothing is cut.
    const before = partnerStatement(late, { asOf: '9999-09-30' });
    expect(textOf(before, 'leaving')).not.toContain('calendar ends');
    expect(textOf(before, 'leaving')).toContain('no longer counts by 9999-12-30');
  });

  it('answers for every asOf in the first and the last months of the calendar', () => {
    const day = (from: string, days: number) => new Date(Date.parse(`${from}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
    fc.assert(
      fc.property(fc.oneof(fc.integer({ min: 0, max: 363 }).map((n) => ['early', day('2001-01-01', n).replace(/^2001/, '0001')] as const), fc.integer({ min: 0, max: 91 }).map((n) => ['late', day('2001-10-01', n).replace(/^2001/, '9999')] as const)), ([which, asOf]) => {
        const doc = partnerStatement(which === 'early' ? early : late, { asOf });
        return datesIn(allText(doc)).every(isCalendarDate);
      }),
      { numRuns: 25 },
    );
  });
});

// Review finding 6 (#12): the renderers and the escape helpers are public, so what they are
// given is checked: one ValidationError at the first path that does not fit, never a TypeError.
describe('renderer input', () => {
  const overview = programOverview(exponentialProgram, { asOf });
  const where = (run: () => unknown) => thrownIssues(run).map((i) => `${i.path} ${i.code}`);

  for (const { name, doc, path } of hostileDocuments(overview)) {
    it(`renderMarkdown and renderHtml: ${name} → one issue at ${path}`, () => {
      for (const render of [renderMarkdown, renderHtml] as const) {
        const issues = thrownIssues(() => render(doc() as DocumentModel));
        expect(issues).toHaveLength(1);
        expect(issues[0]?.path).toBe(path);
      }
    });
  }

  it('judges a model by its structure: one that went through JSON renders the same', () => {
    const statement = partnerStatement(renamed('X'), { asOf });
    const copy = JSON.parse(JSON.stringify(statement)) as DocumentModel;
    expect(renderMarkdown(copy)).toBe(renderMarkdown(statement));
    expect(renderHtml(copy, { paper: 'letter' })).toBe(renderHtml(statement, { paper: 'letter' }));
  });

  it('reads each field of the model once', () => {
    let reads = 0;
    const doc = { ...overview };
    Object.defineProperty(doc, 'title', { enumerable: true, get: () => `${overview.title} ${++reads}` });
    expect(renderMarkdown(doc).split('\n')[0]).toBe(`# ${overview.title} 1`);
    expect(renderHtml(doc)).toContain(`<h1>${overview.title} 2</h1>`);
    expect(reads).toBe(2);
  });

  it('renderHtml reads its options once and checks them', () => {
    const throwing = Object.defineProperty({}, 'paper', { enumerable: true, get: () => { throw new Error('boom'); } });
    expect(where(() => renderHtml(overview, null as never))).toEqual([' invalid-type']);
    expect(where(() => renderHtml(overview, 'a4' as never))).toEqual([' invalid-type']);
    expect(where(() => renderHtml(overview, { paper: 10n } as never))).toEqual(['paper invalid-value']);
    expect(where(() => renderHtml(overview, { paper: 'legal' } as never))).toEqual(['paper invalid-value']);
    expect(where(() => renderHtml(overview, { paper: 'a4', size: 'a4' } as never))).toEqual(['size unknown-field']);
    expect(where(() => renderHtml(overview, throwing as never))).toEqual(['paper unreadable-value']);
    expect(where(() => renderHtml(overview, new Proxy({}, { ownKeys: () => { throw new Error('boom'); } }) as never))).toEqual([' unreadable-value']);
    // A bad model and bad options: both are said.
    expect(where(() => renderHtml({} as never, { paper: 'legal' } as never))).toEqual(['doc.kind missing-field', 'paper invalid-value']);
    expect(renderHtml(overview, undefined)).toContain('@page { size: auto; }');
    expect(renderHtml(overview, { paper: undefined } as never)).toContain('@page { size: auto; }');
  });

  it('every option of the document functions, whatever it holds, is one issue at its path', () => {
    const cyclic: Record<string, unknown> = {};
    cyclic['self'] = cyclic;
    const trap = () => { throw new Error('boom'); };
    const revoked = Proxy.revocable({}, {});
    revoked.revoke();
    const values: [string, () => unknown][] = [['a BigInt', () => 10n], ['a cyclic object', () => cyclic], ['a Proxy whose traps throw', () => new Proxy({}, { get: trap, has: trap, ownKeys: trap, getPrototypeOf: trap, getOwnPropertyDescriptor: trap })], ['a revoked Proxy', () => revoked.proxy], ['a symbol', () => Symbol('x')], ['a function', () => () => 'a4']];
    const ledger = renamed('X');
    const subjects: [string, Record<string, unknown>, (o: unknown) => unknown][] = [
      ['renderHtml', { paper: 'a4' }, (o) => renderHtml(overview, o as never)],
      ['programOverview', { asOf }, (o) => programOverview(exponentialProgram, o as never)],
      ['partnerStatement', { asOf, program: exponentialProgram, window: 'calendar-year' }, (o) => partnerStatement(ledger, o as never)],
    ];
    for (const [name, options, call] of subjects) {
      expect(() => call(options), name).not.toThrow();
      for (const option of Object.keys(options)) {
        for (const [label, make] of values) {
          const paths = thrownIssues(() => call({ ...options, [option]: make() })).map((i) => i.path);
          expect(paths.length, `${name} ${option} ${label}`).toBeGreaterThan(0);
          for (const path of paths) expect(path === option || path.startsWith(`${option}.`) || path.startsWith(`${option}[`), `${name} ${option} ${label}: ${path}`).toBe(true);
        }
        const throwing = Object.defineProperty({ ...options }, option, { enumerable: true, get: () => { throw new TypeError('getter'); } });
        expect(where(() => call(throwing)), `${name} ${option}`).toEqual([`${option} unreadable-value`]);
      }
    }
  });

  it('escapeHtml and escapeMarkdown take a string, anything else is one issue at text', () => {
    for (const value of [5, null, undefined, 10n, {}, ['a'], Symbol('s'), new Proxy({}, { get: () => { throw new Error('boom'); } })]) {
      expect(where(() => escapeHtml(value as never))).toEqual(['text invalid-type']);
      expect(where(() => escapeMarkdown(value as never))).toEqual(['text invalid-type']);
    }
  });
});

// Review finding 11 (#12): bidirectional controls reorder what a reader sees; the document
// renderers replace them as every other control character, the same set escapeControls escapes.
describe('control characters in documents', () => {
  it('the renderers replace exactly the characters escapeControls escapes', () => {
    // Replaced: U+FFFD, or a space for a line break or tab; escapeControls writes its code point.
    const replaced = (char: string, out: string) => out !== char && (out === '\uFFFD' || out === ' ');
    const differing: string[] = [];
    for (let code = 0; code <= 0xffff; code++) {
      if (code >= 0xd800 && code <= 0xdfff) continue;
      const char = String.fromCharCode(code);
      const escaped = escapeControls(char) !== char;
      if (escaped !== replaced(char, escapeHtml(char)) || escaped !== replaced(char, escapeMarkdown(char))) differing.push(`U+${code.toString(16).padStart(4, '0')}`);
    }
    expect(differing).toEqual([]);
  });

  it('a right-to-left override in ledger text reaches neither Markdown nor HTML', () => {
    const doc = partnerStatement(renamed('abc\u202Efed \u2066x\u2069'), { asOf });
    for (const out of [renderMarkdown(doc), renderHtml(doc)]) {
      expect(out).not.toMatch(/[\u202a-\u202e\u2066-\u2069]/);
      expect(out).toContain('abc\uFFFDfed \uFFFDx\uFFFD');
    }
  });
});
