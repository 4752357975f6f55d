import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { defineProgram, describeProgram, exponentialProgram } from '../../src/index';
import { cell } from '../../src/format';
import { thrownIssues as issuesOf } from '../helpers/ledger';
import { securityDefinition } from './securityProgram';

type Definition = { id: string; name: string; versions: Record<string, any>[] };

function definition(): Definition {
  return JSON.parse(JSON.stringify(exponentialProgram));
}

const text = describeProgram(exponentialProgram);

describe('describeProgram', () => {
  it('opens with the program, its version and currency', () => {
    expect(text.split('\n').slice(0, 3)).toEqual([
      '# Exponential Partner Program',
      '',
      'Program `exponential-partner-program`, version 2014.1, in effect from 2000-01-01. Amounts in USD. Rule ids (R1–R12) refer to the rulebook in `docs/interpretation.md`.',
    ]);
    expect(text.endsWith('\n')).toBe(true);
    expect(text.endsWith('\n\n')).toBe(false);
  });

  it('has the tier table as the program text has it, citing R9', () => {
    expect(text).toContain('## Partner Levels & Requirements');
    expect(text).toContain('| Partner Tier | Points / Year | Min. Revenue | Certifications Required | id | rule |');
    expect(text).toContain('| Now | 3,000 | None | None | `now` | R9 |');
    expect(text).toContain('| Professional | 8,000 | 7,200.00 USD | None | `professional` | R9 |');
    expect(text).toContain('| Silver | 20,000 | 12,000.00 USD | 1 Profile + 2 Sales | `silver` | R9 |');
    expect(text).toContain('| Platinum | 200,000 | 30,000.00 USD | 3 Profile + 10 Sales | `platinum` | R9 |');
  });

  it('states the two ways to membership from membershipTier, renewalTier and the fee (R10, R11)', () => {
    expect(text).toContain('- **Points:** partners who meet the Basic requirements (5,000 points) are members with no fee required (R10).');
    expect(text).toContain('Partners who reach Professional over a partnership year have the next year\'s fee waived');
  });

  it('lists every activity row with its points, kind, category, evidence and rule', () => {
    for (const row of exponentialProgram.versions[0].activities) expect(text).toContain(`| \`${row.id}\` | ${row.rule} |`);
    expect(text).toContain('| Exponential Premium project | 5,000+ | at least the table value; the entry may report more | program | — | `premium-project` | R3 |');
    expect(text).toContain('| Official training course (per attendee) | 2,000 per attendee | per attendee (`quantity`) | program | — | `training-course` | R3 |');
    expect(text).toContain('| Certification (per person) | 1,000 per person | credited per certified person from certification entries; never reported | program | — | `certification` | R8 |');
    expect(text).toContain('| “Share your Pipeline” monthly | 1,000 a month | at most one per calendar month | program | — | `pipeline-share` | R3 |');
    expect(text).toContain('| Partner year participation (max 3 years) | 1,000 a year | credited for each of the first 3 partnership years; never reported | program | — | `partner-year` | R5 |');
    expect(text).toContain('| 500–1,500 words, FLOSS-licensed | `article` | R3 |');
    expect(text).toContain('| at least 1,500 words | `tutorial` | R3 |');
  });

  it('lists the certification catalogue and the fee with its program line', () => {
    expect(text).toContain('| Exponential Developer Certification | Profile | `developer` | R8 |');
    expect(text).toContain('| Exponential Newsletter Sales Certification | Sales | `sales-newsletter` | R8 |');
    expect(text).toContain('45.00 USD per month, 540.00 USD for a year (R11).');
    expect(text).toContain(`> ${exponentialProgram.versions[0].fee.source}`);
    expect(text).not.toContain('## Versions');
  });

  it('describes custom programs: currency, requirements of the membership tier, escaped names, no catalogue', () => {
    const input = definition();
    const v = input.versions[0]!;
    v['currency'] = 'EUR';
    v['fee'] = { ...v['fee'], amount: '39.50', currency: 'EUR' };
    v['membershipTier'] = 'professional';
    v['tiers'][0].name = 'Now | then';
    v['certifications'] = [];
    for (const tier of v['tiers']) tier.requirements = tier.requirements.filter((r: { type: string }) => r.type !== 'certifications');
    v['activities'][11].evidence = { words: { max: 800 }, floss: false };
    const custom = describeProgram(input);
    expect(custom).toContain('| Now \\| then | 3,000 | None | None | `now` | R9 |');
    expect(custom).toContain('| Professional | 8,000 | 7,200.00 EUR | None |');
    expect(custom).toContain('meet the Professional requirements (8,000 points, 7,200.00 EUR of revenue)');
    expect(custom).toContain('39.50 EUR per month, 474.00 EUR for a year (R11).');
    expect(custom).toContain('This version has no certifications.');
    expect(custom).toContain('| at most 800 words, not FLOSS-licensed | `article` |');
    expect(custom).toContain('1 point per 1 EUR of revenue (R2)');
  });

  describe('versions', () => {
    const input = definition();
    const later = JSON.parse(JSON.stringify(input.versions[0]));
    later.version = '2027.1';
    later.effectiveFrom = '2027-01-01';
    later.tiers[4].requirements[0].min = 25000;
    input.versions.push(later);
    const dated = defineProgram(input);

    it('describes the latest version by default and lists every version', () => {
      const latest = describeProgram(dated);
      expect(latest).toContain('version 2027.1, in effect from 2027-01-01');
      expect(latest).toContain('| Silver | 25,000 |');
      expect(latest).toContain('## Versions');
      expect(latest).toContain('| 2014.1 | 2000-01-01 |  |');
      expect(latest).toContain('| 2027.1 | 2027-01-01 | described here |');
    });

    it('describes the version in effect on asOf (day before and on effectiveFrom) or by name', () => {
      expect(describeProgram(dated, { asOf: '2026-12-31' })).toContain('| Silver | 20,000 |');
      expect(describeProgram(dated, { asOf: '2027-01-01' })).toContain('| Silver | 25,000 |');
      expect(describeProgram(dated, { version: '2014.1' })).toContain('| 2014.1 | 2000-01-01 | described here |');
    });
  });

  it('throws one ValidationError for a bad program or options, never a TypeError', () => {
    expect(issuesOf(() => describeProgram({ id: 'x', name: 'X', versions: [] })).map((i) => `${i.path} ${i.code}`)).toEqual(['program.versions invalid-integer']);
    expect(issuesOf(() => describeProgram(undefined)).map((i) => `${i.path} ${i.code}`)).toEqual(['program missing-field']);
    expect(issuesOf(() => describeProgram(exponentialProgram, { version: '1999' })).map((i) => `${i.path} ${i.code}`)).toEqual(['version invalid-value']);
    expect(issuesOf(() => describeProgram(exponentialProgram, { asOf: 'soon' })).map((i) => `${i.path} ${i.code}`)).toEqual(['asOf invalid-date']);
    expect(issuesOf(() => describeProgram(exponentialProgram, { asOf: '2026-01-01', version: '2014.1' })).map((i) => `${i.path} ${i.code}`)).toEqual(['version invalid-value']);
    expect(issuesOf(() => describeProgram(exponentialProgram, { format: 'html' } as never)).map((i) => `${i.path} ${i.code}`)).toEqual(['format unknown-field']);
    expect(issuesOf(() => describeProgram(exponentialProgram, 'x' as never)).map((i) => i.code)).toEqual(['invalid-type']);
  });
});

// #16: a program's own kinds, requirement lists, limits, caps and fee period, in the words of the table.
describe('describeProgram: programs with their own kinds, requirements, limits and fee period', () => {
  const security = describeProgram(defineProgram(securityDefinition()));

  it('writes each tier requirement list as the table does: kind counts by name, a named certification ×n', () => {
    expect(security).toContain('| Registered | 1,000 | None | None | `registered` | R9 |');
    expect(security).toContain('| Gold | 10,000 | 5,000.00 USD | 2 Security | `gold` | R9 |');
    expect(security).toContain('| Platinum | 40,000 | 20,000.00 USD | 4 Security + Solution Architect Certification ×1 | `platinum` | R9 |');
    expect(security).toContain('Tiers that require certifications count distinct valid (person, certification) pairs on the review date (R8). A tier that names a certification counts the distinct people who hold it validly.');
    // The built-in program names no certification: its sentence stays as it was.
    expect(text).toContain('Tiers that require certifications count distinct valid (person, certification) pairs on the review date (R8).\n');
  });

  it('says a tier without a points requirement has "None" points, and its phrase has no points', () => {
    const input = securityDefinition();
    input.versions[0]!.tiers[0]!.requirements = [{ type: 'revenue', min: '100.00' }];
    const out = describeProgram(defineProgram(input));
    expect(out).toContain('| Registered | None | 100.00 USD | None | `registered` | R9 |');
    expect(out).toContain('meet the Registered requirements (100.00 USD of revenue) are members');
  });

  it('gives limits and caps after the kind, per calendar period or review window', () => {
    expect(security).toContain('| Webinar | 250 | at most 4 per calendar quarter | community | — | `webinar` | R3 |');
    expect(security).toContain('| Forum post | 10 | at most 1,000 points per calendar year | community | — | `forum-post` | R3 |');
    expect(security).toContain('| Workshop (per attendee) | 500 per attendee | per attendee (`quantity`); at most 3,000 points per calendar quarter | enablement | — | `workshop` | R3 |');
    expect(security).toContain('| Partner summit | 2,000 a year | at most one per calendar year | enablement | — | `summit` | R3 |');
    const input = securityDefinition();
    input.versions[0]!.activities[0] = { ...input.versions[0]!.activities[0]!, limit: { count: 1, per: 'window' }, cap: { points: 200, per: 'month' } } as never;
    expect(describeProgram(defineProgram(input))).toContain('| Webinar | 250 | at most one per review window; at most 200 points per calendar month | community |');
  });

  it('names each certification kind by the program, and states a yearly fee as itself', () => {
    expect(security).toContain('| Security Engineer Certification | Security | `security-engineer` | R8 |');
    expect(security).toContain('| Solution Architect Certification | Sales | `solution-architect` | R8 |');
    expect(security).toContain('- **Fee:** 500.00 USD per year grants access (R11). Partners who reach Gold over a partnership year have the next year\'s fee waived');
    expect(security).toContain('## Fee\n\n500.00 USD per year (R11).\n\n> A yearly fee of $500 USD grants access to the partner program.\n');
  });

  it('states a quarterly fee with its year: four quarters', () => {
    const input = securityDefinition();
    input.versions[0]!.fee = { ...input.versions[0]!.fee, amount: '120.50', period: 'quarter' };
    const out = describeProgram(defineProgram(input));
    expect(out).toContain('- **Fee:** 120.50 USD per quarter grants access (R11).');
    expect(out).toContain('120.50 USD per quarter, 482.00 USD for a year (R11).');
  });

  it('escapes the kind names a program gives (Markdown syntax, a table cell)', () => {
    const input = securityDefinition();
    input.versions[0]!.certificationKinds[0]!.name = 'Sec | <b>*ops*</b>';
    const out = describeProgram(defineProgram(input));
    expect(out).toContain(`| Gold | 10,000 | 5,000.00 USD | 2 ${cell('Sec | <b>*ops*</b>')} | \`gold\` | R9 |`);
    expect(out).toContain(`| Security Analyst Certification | ${cell('Sec | <b>*ops*</b>')} | \`security-analyst\` | R8 |`);
  });
});

// Review finding 11 (#12): every text a program provides goes through `cell`, so a program
// cannot add a heading, raw HTML, a table row or a terminal escape to the overview.
describe('describeProgram escapes program text', () => {
  const evil = 'Evil\n# injected <img src=x onerror=alert(1)> \u001b]0;pwn\u0007 \u202e|';
  const hostile = (): Definition => {
    const input = definition();
    input.name = evil;
    const v = input.versions[0]!;
    v['version'] = 'v1\n# two <b>';
    v['currency'] = '<i>\u001b\n#';
    v['fee'] = { ...v['fee'], currency: '<i>\u001b\n#', source: `${evil} *quoted*` };
    for (const row of [...v['tiers'], ...v['activities'], ...v['certifications'], ...v['certificationKinds']]) row.name = `${row.name} ${evil}`;
    const later = JSON.parse(JSON.stringify(v));
    later.version = '2\n## Versions <script>';
    later.effectiveFrom = '2030-01-01';
    input.versions.push(later);
    return input;
  };
  const lines = (markdown: string) => markdown.split('\n');
  const headings = (markdown: string) => lines(markdown).filter((line) => line.startsWith('#'));

  for (const [name, opts] of [['the latest version', {}], ['an earlier version', { version: 'v1\n# two <b>' }]] as const) {
    it(`${name}: the same lines and headings as the built-in program, and no raw markup or control character`, () => {
      const plain = definition();
      plain.versions.push({ ...JSON.parse(JSON.stringify(plain.versions[0])), version: '2030.1', effectiveFrom: '2030-01-01' });
      const expected = describeProgram(plain, 'version' in opts ? { version: plain.versions[0]!['version'] } : {});
      const out = describeProgram(hostile(), opts);
      expect(lines(out)).toHaveLength(lines(expected).length);
      expect(headings(out).slice(1)).toEqual(headings(expected).slice(1));
      expect(headings(out)[0]).toBe(`# ${cell(evil)}`);
      // No control character but the line breaks between lines, no bidi override, no unescaped < or >.
      expect(out).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/);
      // (the overview's own quote marker at the start of a line aside).
      expect(out.replace(/^> /gm, '')).not.toMatch(/(^|[^\\])[<>]/m);
      // Each table row keeps its cells: the program's `|` is escaped.
      const tierRows = lines(out).filter((line) => line.includes('`now`') || line.includes('`silver`'));
      for (const row of tierRows) expect(row.split(/(?<!\\)\|/)).toHaveLength(8);
      expect(out).toContain(`> ${cell(`${evil} *quoted*`)}`);
      expect(out).toContain(`version ${cell(name === 'the latest version' ? '2\n## Versions <script>' : 'v1\n# two <b>')}, in effect from`);
      expect(out).toContain(`Amounts in ${cell('<i>\u001b\n#')}.`);
    });
  }
});

describe('docs/program.md', () => {
  const BANNER = '<!-- Generated by `npm run docs:program` from describeProgram(exponentialProgram): do not edit by hand. -->\n\n';

  it('is describeProgram(exponentialProgram) as it is now (run `npm run docs:program` after a table changes)', () => {
    const doc = readFileSync(new URL('../../docs/program.md', import.meta.url), 'utf8');
    expect(doc).toBe(`${BANNER}${text}`);
  });
});
