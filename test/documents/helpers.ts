// Shared by the document tests: the sample ledgers, and a ledger of any length.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const root = fileURLToPath(new URL('../../', import.meta.url));

/** The sample ledgers of examples/ledgers/, by file name. */
export function sampleLedgers(): { file: string; ledger: { partner: { id: string; name?: string; joinedOn: string }; entries: { id: string }[] } }[] {
  const dir = join(root, 'examples', 'ledgers');
  return readdirSync(dir)
    .filter((file) => file.endsWith('.json'))
    .sort()
    .map((file) => ({ file, ledger: JSON.parse(readFileSync(join(dir, file), 'utf8')) }));
}

/** One sample ledger with another partner name (for the escaping and font tests). */
export function renamed(name: string): { partner: { id: string; name: string; joinedOn: string }; entries: { id: string }[] } {
  const { ledger } = sampleLedgers().find((s) => s.file === 'silver-agency.json') as ReturnType<typeof sampleLedgers>[number];
  return { ...ledger, partner: { ...ledger.partner, name } };
}

/** A ledger of `count` entries over the year before 2026-11-30: forum posts, time and revenue in turn. */
export function longLedger(count: number): { partner: { id: string; name: string; joinedOn: string }; entries: Record<string, unknown>[] } {
  const entries: Record<string, unknown>[] = [];
  for (let i = 0; i < count; i++) {
    const date = `2026-${String((i % 11) + 1).padStart(2, '0')}-${String((i % 28) + 1).padStart(2, '0')}`;
    const id = `e${String(i + 1).padStart(5, '0')}`;
    if (i % 3 === 0) entries.push({ id, type: 'activity', date, activity: 'forum-post' });
    else if (i % 3 === 1) entries.push({ id, type: 'time', date, minutes: 30 + (i % 60), category: i % 2 === 0 ? 'knowledge' : 'program', description: `support session ${i + 1}` });
    else entries.push({ id, type: 'revenue', date, amount: `${(i % 500) + 10}.25`, source: 'subscription' });
  }
  return { partner: { id: 'long-ledger', name: 'Long Ledger Partners', joinedOn: '2021-01-10' }, entries };
}
