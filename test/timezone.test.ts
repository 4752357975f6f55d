// `npm test` runs the whole suite again under TZ=Pacific/Kiritimati (UTC+14) and
// TZ=America/St_Johns (UTC−3:30, with daylight saving): this checks the zone
// really is in force, so those runs prove that no result depends on it.
import { describe, expect, it } from 'vitest';
import { evaluate } from '../src/index';

const expectedOffsets: Record<string, number[]> = {
  'Pacific/Kiritimati': [-840],
  'America/St_Johns': [210, 150],
  UTC: [0],
};

const zone = process.env['TZ'];
const offsets = zone === undefined ? undefined : expectedOffsets[zone];
// Only a zone whose offsets are known here can be checked; the main run (TZ unset) is the host's own zone.
const skipReason = offsets === undefined ? ` (skipped: TZ is ${zone === undefined ? 'unset' : `"${zone}"`}, not one of ${Object.keys(expectedOffsets).join(', ')})` : '';

describe('host time zone', () => {
  it.skipIf(offsets === undefined)(`is the zone the run asked for${skipReason}`, () => {
    expect(offsets).toContain(new Date(2026, 0, 15, 12).getTimezoneOffset());
    expect(Intl.DateTimeFormat().resolvedOptions().timeZone).toBe(zone);
  });

  it('does not move a timestamp near midnight', () => {
    const ledger = {
      partner: { id: 'tz', joinedOn: '2020-01-01' },
      entries: [
        { id: 'late', type: 'activity', date: '2026-03-31T23:30:00-05:00', activity: 'event-attendance' },
        { id: 'early', type: 'activity', date: '2026-03-31T00:30:00+14:00', activity: 'case-study' },
      ],
    };
    const march = evaluate(ledger, { asOf: '2026-03-31' });
    expect(march.entries.map((o) => o.outcome)).toEqual(['excluded', 'counted']);
    expect(march.points.total).toBe(1000);
    const april = evaluate(ledger, { asOf: '2026-04-01T00:00:00Z' });
    expect(april.asOf).toBe('2026-04-01');
    expect(april.points.total).toBe(6000);
  });
});
