// A closed standard output (`exponential-partner evaluate … | head -1`) ends
// the run quietly: exit 0, nothing on stderr, in the main thread and on worker
// threads (issue 12, item 14).
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { OutputClosed } from '../../src/cli/io';
import { cliPath, ensureBuilt, extraTimeZoneRun, root, runCli } from './helpers';

const AS_OF = '2026-11-30';
const COPIES = 5; // 5 × the 60 partners of the CRM export: 300 ledgers, past the worker threshold (200)

let dir: string;
let batch: string;

beforeAll(() => {
  ensureBuilt();
  dir = mkdtempSync(join(tmpdir(), 'pp-pipe-'));
  const [header, ...rows] = readFileSync(join(root, 'examples', 'csv', 'crm-export.csv'), 'utf8').trimEnd().split('\n');
  // partner_id is the first column: each copy gets its own partners.
  const copies = Array.from({ length: COPIES }, (_, k) => rows.map((row) => row.replace(/^([^,]+),/, `$1-${k},`)));
  batch = join(dir, 'batch.csv');
  writeFileSync(batch, `${[header, ...copies.flat()].join('\n')}\n`);
}, 180_000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/**
 * Runs the built CLI with stdout a pipe that this side destroys as soon as the
 * first line has arrived, as `| head -1` does; far more output follows (about
 * 1.5 MB, the pipe buffer holds 64 kB), so the CLI writes to a closed pipe.
 */
function runUntilFirstLine(args: string[]): Promise<{ code: number | null; signal: NodeJS.Signals | null; stderr: string; received: number }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [cliPath, ...args], { cwd: root, stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, NO_COLOR: '1' } });
    let stderr = '';
    let received = 0;
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    child.stdout.on('data', (chunk: Buffer) => {
      received += chunk.length;
      if (chunk.includes(10)) child.stdout.destroy();
    });
    child.on('error', reject);
    child.on('close', (code, signal) => resolve({ code, signal, stderr, received }));
  });
}

describe.skipIf(extraTimeZoneRun)('a closed standard output', () => {
  it('ends a main-thread run quietly, with exit code 0', async () => {
    const result = await runUntilFirstLine(['evaluate', batch, '--as-of', AS_OF, '--format', 'ndjson', '--threads', '0']);
    expect(result).toMatchObject({ code: 0, signal: null, stderr: '' });
    expect(result.received).toBeLessThan(1_000_000);
  }, 60_000);

  it('ends a run on worker threads quietly, with exit code 0', async () => {
    // --verbose says where the batch ran (before any output); nothing else may reach stderr.
    const result = await runUntilFirstLine(['evaluate', batch, '--as-of', AS_OF, '--format', 'ndjson', '--threads', '2', '--verbose']);
    expect(result.stderr).toMatch(new RegExp(`^${COPIES * 60} ledger\\(s\\) from 1 input\\(s\\), processed on 2 worker threads in \\d+ ms\\n$`));
    expect(result).toMatchObject({ code: 0, signal: null });
  }, 60_000);

  it('ends a --format json run quietly too: one large write', async () => {
    const result = await runUntilFirstLine(['evaluate', batch, '--as-of', AS_OF, '--format', 'json', '--threads', '0']);
    expect(result).toMatchObject({ code: 0, signal: null, stderr: '' });
    expect(result.received).toBeLessThan(1_000_000);
  }, 60_000);
});

describe('OutputClosed (in-process)', () => {
  it('stops the run at the first write after the close: no issue printed, exit code 0', async () => {
    let writes = 0;
    const { code, stdout, stderr } = await runCli(['evaluate', 'examples/ledgers', '-r', '--as-of', AS_OF, '--format', 'ndjson'], {
      onWrite: () => {
        if (++writes > 1) throw new OutputClosed();
      },
    });
    // The batch holds an invalid ledger (exit 1, its issues on stderr) had stdout stayed open.
    expect(code).toBe(0);
    expect(stderr).toBe('');
    expect(stdout.split('\n')).toHaveLength(2);
  });
});
