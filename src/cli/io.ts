/**
 * What the command line touches of the outside world, injected so the whole
 * CLI runs in-process in tests: streams, environment, working directory, clock.
 */
import type { Readable } from 'node:stream';

/** A writable text stream; `isTTY` decides colour, progress and the default format. */
export type OutputStream = {
  write(text: string): unknown;
  readonly isTTY?: boolean;
  readonly columns?: number;
};

/** The outside world of one CLI run. */
export type CliIo = {
  readonly stdout: OutputStream;
  readonly stderr: OutputStream;
  readonly stdin: Readable | AsyncIterable<string | Uint8Array>;
  readonly env: Readonly<Record<string, string | undefined>>;
  readonly cwd: string;
  /** The clock: read once, for the `--as-of` default (today, UTC). */
  readonly now: () => Date;
};

/** The real process. */
export function processIo(): CliIo {
  return {
    stdout: process.stdout,
    stderr: process.stderr,
    stdin: process.stdin,
    env: process.env,
    cwd: process.cwd(),
    now: () => new Date(),
  };
}

/** Reads a whole stream as UTF-8 text. */
export async function readAll(stream: CliIo['stdin']): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream as AsyncIterable<string | Uint8Array>) {
    chunks.push(typeof chunk === 'string' ? Buffer.from(chunk, 'utf8') : Buffer.from(chunk));
  }
  return Buffer.concat(chunks).toString('utf8');
}
