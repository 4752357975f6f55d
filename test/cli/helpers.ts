// Shared by the CLI and integration tests: an in-process CLI run with captured
// streams, and a guarantee that dist/ is built (and fresh) for the tests that
// run the real executable, workers or bundles.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { PdfRenderer } from '../../src/cli/documents';
import { main } from '../../src/cli/main';
import type { CliIo } from '../../src/cli/io';

export const root = fileURLToPath(new URL('../../', import.meta.url));
export const cliPath = join(root, 'dist', 'cli', 'index.js');

/** A captured output stream: its text, and its bytes (a PDF). */
export type Captured = { text: string; chunks: Buffer[]; isTTY: boolean; columns: number; write(chunk: string | Uint8Array): boolean };

function capture(isTTY: boolean, columns = 160): Captured {
  return {
    text: '',
    chunks: [],
    isTTY,
    columns,
    write(chunk: string | Uint8Array) {
      const bytes = typeof chunk === 'string' ? Buffer.from(chunk, 'utf8') : Buffer.from(chunk);
      this.chunks.push(bytes);
      this.text += typeof chunk === 'string' ? chunk : bytes.toString('latin1');
      return true;
    },
  };
}

/**
 * The PDF renderer of the built `./pdf` entry (dist/pdf), for in-process runs:
 * from src/, the CLI's own loader would look for src/pdf/index.js.
 */
export async function builtPdfRenderer(): Promise<PdfRenderer> {
  ensureBuilt();
  const entry = (await import(pathToFileURL(join(root, 'dist', 'pdf', 'index.js')).href)) as { renderPdf: PdfRenderer };
  return entry.renderPdf;
}

/** Runs the CLI in this process (worker threads off unless asked) and returns its exit code and output. */
export async function runCli(
  argv: string[],
  opts: {
    stdin?: string;
    tty?: boolean;
    stderrTty?: boolean;
    /** The terminal's width (`process.stdout.columns`); default 160. */
    columns?: number;
    /** Called on each write to stdout, with the text so far: throw to act as a closed pipe. */
    onWrite?: (text: string) => void;
    env?: Record<string, string | undefined>;
    now?: string;
    cwd?: string;
  } = {},
): Promise<{ code: number; stdout: string; stderr: string; stdoutBytes: Buffer }> {
  const stdout = capture(opts.tty ?? false, opts.columns);
  const { onWrite } = opts;
  if (onWrite !== undefined) {
    const write = stdout.write.bind(stdout);
    stdout.write = (chunk: string | Uint8Array) => {
      onWrite(stdout.text);
      return write(chunk);
    };
  }
  const stderr = capture(opts.stderrTty ?? opts.tty ?? false);
  const io: CliIo = {
    stdout,
    stderr,
    stdin: Readable.from(opts.stdin === undefined ? [] : [opts.stdin]),
    env: opts.env ?? {},
    cwd: opts.cwd ?? root,
    now: () => new Date(opts.now ?? '2026-11-29T12:00:00Z'),
    loadPdf: builtPdfRenderer,
  };
  const code = await main(argv, io);
  return { code, stdout: stdout.text, stderr: stderr.text, stdoutBytes: Buffer.concat(stdout.chunks) };
}

function newestMtime(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(path) : statSync(path).mtimeMs);
  }
  return newest;
}

/**
 * Builds dist/ when it is missing or older than src/ (`npm test` builds first, so
 * this is for targeted runs). Test files run in parallel: a lock directory makes
 * one build and the others wait for it.
 */
export function ensureBuilt(): void {
  const fresh = () => existsSync(cliPath) && existsSync(join(root, 'dist', 'index.js')) && statSync(cliPath).mtimeMs >= newestMtime(join(root, 'src'));
  if (fresh()) return;
  const lock = join(root, 'node_modules', '.cache', 'partner-program-build.lock');
  mkdirSync(join(root, 'node_modules', '.cache'), { recursive: true });
  const deadline = Date.now() + 120_000;
  for (;;) {
    try {
      mkdirSync(lock);
      break;
    } catch {
      if (Date.now() > deadline) rmSync(lock, { recursive: true, force: true });
      Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 200);
      if (fresh()) return;
    }
  }
  try {
    if (!fresh()) execFileSync(process.execPath, [join(root, 'node_modules', 'tsup', 'dist', 'cli-default.js')], { cwd: root, stdio: 'pipe' });
  } finally {
    rmSync(lock, { recursive: true, force: true });
  }
}

/**
 * True in the two extra runs of `npm run test:tz`: the slow end-to-end tests
 * (workerd, Chromium) do not depend on the host time zone, so they run once,
 * in the main run. Any other TZ runs them.
 */
export const extraTimeZoneRun = ['Pacific/Kiritimati', 'America/St_Johns'].includes(process.env.TZ ?? '');
