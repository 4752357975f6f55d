// #16: the command line under a program with its own certification kinds, a named certification, limits,
// caps and a yearly fee (test/program/securityProgram.ts): the evaluate table and CSV, the plan CSV, and
// the words of render.ts — and the built-in program's columns as they were.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { defineProgram, evaluate, exponentialProgram } from '../../src/index';
import { csvColumnsFor, csvOutputColumns } from '../../src/cli/commands/evaluate';
import { planCsvColumns, planCsvColumnsFor } from '../../src/cli/commands/plan';
import { countsOf, describeFee, describeMembership, describeNext, renewalName } from '../../src/cli/render';
import { securityDefinition, securityLedger } from '../program/securityProgram';
import { runCli } from './helpers';

const AS_OF = '2027-06-30';
const dir = mkdtempSync(join(tmpdir(), 'partner-program-shapes-'));
const programFile = join(dir, 'northwind.json');
const ledgerFile = join(dir, 'harbor.json');
writeFileSync(programFile, JSON.stringify(securityDefinition()));
writeFileSync(ledgerFile, JSON.stringify(securityLedger()));
const program = defineProgram(securityDefinition());

describe('the CLI under a program with its own kinds, requirements and fee period', () => {
  it('keeps the built-in program’s CSV columns', () => {
    expect(csvColumnsFor(exponentialProgram)).toEqual([...csvOutputColumns]);
    expect(planCsvColumnsFor(exponentialProgram)).toEqual([...planCsvColumns]);
    expect(countsOf(exponentialProgram)).toEqual({ kinds: ['profile', 'sales'], named: [] });
  });

  it('evaluate table: the program’s name as the title, the shortfall per kind and per named certification', async () => {
    const { code, stdout, stderr } = await runCli(['evaluate', ledgerFile, '--program', programFile, '--as-of', AS_OF, '--format', 'table']);
    expect([code, stderr]).toEqual([0, '']);
    const lines = stdout.split('\n');
    expect(lines[0]).toBe('Northwind Security Partners — review as of 2027-06-30 — window 2026-07-01 … 2027-06-30');
    expect(lines[5]).toBe('Harbor Secure  Gold  12,000      $6,000.00  active: enough points  waived, enough points  Platinum: 28,000 pts, $14,000.00, 2 security, solution-architect ×1');
  });

  it('evaluate CSV: a column per kind’s valid pairs and shortfall, and one per named certification', async () => {
    const { code, stdout } = await runCli(['evaluate', ledgerFile, '--program', programFile, '--as-of', AS_OF, '--format', 'csv']);
    expect(code).toBe(0);
    const [header, row] = stdout.split('\r\n');
    expect(header).toBe(
      'source,partner_id,partner_name,as_of,window_from,window_to,tier,tier_name,points,pending_points,revenue,security_certifications,sales_certifications,' +
        'membership_active,membership_basis,fee_status,fee_paid_through,fee_waived_through,fee_amount_due,next_tier,shortfall_points,shortfall_revenue,' +
        'shortfall_security_certifications,shortfall_sales_certifications,shortfall_certification_solution_architect',
    );
    const e = evaluate(securityLedger(), { asOf: AS_OF, program });
    const s = e.nextTier?.shortfall;
    expect(row).toBe(
      [ledgerFile, 'harbor', 'Harbor Secure', AS_OF, e.window.from, e.window.to, 'gold', 'Gold', e.points.total, 0, e.revenue.total, e.certifications['security'], e.certifications['sales']]
        .concat(['true', 'basic-points', 'waived', e.fee.paidThrough ?? '', '', '', 'platinum', s?.points ?? -1, s?.revenue ?? '', s?.['securityCertifications'] ?? -1, s?.['salesCertifications'] ?? -1])
        .concat([s?.certifications?.['solution-architect'] ?? -1])
        .join(','),
    );
    expect(csvColumnsFor(program)).toEqual(header?.split(','));
  });

  it('plan CSV: the shortfall per kind and per named certification', async () => {
    const { code, stdout } = await runCli(['plan', ledgerFile, '--program', programFile, '--as-of', AS_OF, '--format', 'csv']);
    expect(code).toBe(0);
    const [header, row] = stdout.split('\r\n');
    expect(header).toBe(
      'source,partner_id,partner_name,as_of,current,target,by,reachable,reason,shortfall_points,shortfall_revenue,' +
        'shortfall_security_certifications,shortfall_sales_certifications,shortfall_certification_solution_architect,expiring,steps',
    );
    expect(row?.startsWith(`${ledgerFile},harbor,Harbor Secure,2027-06-30,gold,platinum,2027-06-30,`)).toBe(true);
    expect(row).toContain(',28000,14000.00,2,0,1,');
  });

  it('describeNext: each kind by its id (a kebab id back from its camelCase key), a named certification ×n, nothing at 0', () => {
    const next = (shortfall: Record<string, unknown>) => describeNext({ tier: 'platinum', tierName: 'Platinum', shortfall: shortfall as never });
    expect(next({ points: 0, revenue: '0.00', cloudSecurityCertifications: 1, salesCertifications: 0, certifications: { 'solution-architect': 2, other: 0 } })).toBe('Platinum: 1 cloud-security, solution-architect ×2');
    expect(next({ points: 18140, revenue: '5149.25', profileCertifications: 1, salesCertifications: 4 })).toBe('Platinum: 18,140 pts, $5,149.25, 1 profile, 4 sales');
    expect(next({ points: 0, revenue: '0.00', securityCertifications: 0, certifications: { 'solution-architect': 0 } })).toBe('Platinum: nothing missing');
    // A kind id whose camelCase loses its hyphen before a digit is found among the program's kinds.
    expect(describeNext({ tier: 'x', tierName: 'X', shortfall: { points: 0, revenue: '0.00', iso27001Certifications: 2 } as never }, ['iso-27001'])).toBe('X: 2 iso-27001');
  });

  it('names the program’s renewal tier in a renewal waiver (the built-in program: Professional)', () => {
    expect(renewalName(program, '2027.1')).toBe('Gold');
    expect(renewalName(exponentialProgram, '2014.1')).toBe('Professional');
    expect(renewalName(program, '1999.1')).toBeUndefined();
    expect(describeMembership({ active: true, basis: 'professional-renewal', bases: ['professional-renewal'] }, 'Gold')).toBe('active: Gold renewal');
    expect(describeFee({ status: 'waived', basis: 'professional-renewal', waivedThrough: '2028-01-14', nextAnniversary: '2028-01-15' }, 'USD', 'Gold')).toBe('waived through 2028-01-14, Gold renewal');
    expect(describeFee({ status: 'waived', basis: 'professional-renewal', waivedThrough: '2028-01-14', nextAnniversary: '2028-01-15' })).toBe('waived through 2028-01-14, Professional renewal');
  });

  it('describeFee: the fee due per its period', () => {
    expect(describeFee({ status: 'due', amountDue: '500.00', period: 'year', nextAnniversary: '2028-01-15' })).toBe('due $500.00/year');
    expect(describeFee({ status: 'due', amountDue: '120.00', period: 'quarter', nextAnniversary: '2028-01-15' })).toBe('due $120.00/quarter');
    expect(describeFee({ status: 'due', amountDue: '45.00', period: 'month', nextAnniversary: '2028-01-15' })).toBe('due $45.00/month');
  });
});

describe('the CLI in a program’s currency', () => {
  const euro = (() => {
    const input = securityDefinition();
    const v = input.versions[0]!;
    v.currency = 'EUR';
    v.fee = { ...v.fee, currency: 'EUR' };
    return input;
  })();
  const euroFile = join(dir, 'northwind-eur.json');
  writeFileSync(euroFile, JSON.stringify(euro));

  it('evaluate and timeline name the currency in the revenue column and in every amount', async () => {
    const table = await runCli(['evaluate', ledgerFile, '--program', euroFile, '--as-of', AS_OF, '--format', 'markdown']);
    expect(table.stdout.split('\n').slice(2, 5)).toEqual([
      '| Partner | Tier | Points | Revenue (EUR) | Membership | Fee | Next tier (shortfall) |',
      '|---|---|---:|---:|---|---|---|',
      '| Harbor Secure | Gold | 12,000 | 6,000.00 EUR | active: enough points | waived, enough points | Platinum: 28,000 pts, 14,000.00 EUR, 2 security, solution-architect ×1 |',
    ]);
    const timeline = await runCli(['timeline', ledgerFile, '--program', euroFile, '--from', '2027-05-01', '--to', '2027-06-30', '--format', 'markdown']);
    expect(timeline.stdout).toContain('| Review | Tier | Change | Points | Revenue (EUR) | Membership | Fee |');
    expect(timeline.stdout).toContain('| 2027-06-30 | Gold |  | 12,000 | 6,000.00 EUR | active: enough points | waived, enough points |');
  });

  it('describeFee: a fee due in the program’s currency', () => {
    expect(describeFee({ status: 'due', amountDue: '500.00', period: 'year', nextAnniversary: '2028-01-15' }, 'EUR')).toBe('due 500.00 EUR/year');
  });
});
