/**
 * What the command line touches of the outside world, injected so the whole
 * CLI runs in-process in tests: streams, environment, working directory, clock.
 */
import type { Readable } from 'node:stream';
import type { PdfRenderer } from './documents';

/** A writable stream (text, or a PDF's bytes); `isTTY` decides colour, progress and the default format. */
export type OutputStream = {
  write(chunk: string | Uint8Array): unknown;
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
  /**
   * Loads the PDF renderer in this thread; default `loadPdfRenderer` (the
   * built `./pdf` entry beside the built CLI). Worker threads always use the default.
   */
  readonly loadPdf?: () => Promise<PdfRenderer>;
};

/**
 * Thrown by a write to a standard output that was closed (`| head -1`): the
 * reader has what it wants, so the run stops there, quietly (`main` returns 0).
 */
export class OutputClosed extends Error {
  constructor() {
    super('standard output was closed');
    this.name = 'OutputClosed';
  }
}

const closedPipe = (error: NodeJS.ErrnoException) => error.code === 'EPIPE' || error.code === 'ERR_STREAM_DESTROYED';

/**
 * `process.stdout` as the CLI writes to it. On a closed pipe the write fails
 * with EPIPE: on Linux pipes are written synchronously, so the stream is
 * already destroyed when `write` returns, and the run stops at once, before
 * it prints anything else (an issue on stderr, the rest of a batch). The
 * `error` event that follows, and one of a write that failed later, are
 * expected: without a listener, Node would crash on them.
 */
function guardedStdout(stream: NodeJS.WriteStream): OutputStream {
  let closed = false;
  stream.on('error', (error: NodeJS.ErrnoException) => {
    if (!closedPipe(error)) throw error;
    closed = true;
  });
  return {
    get isTTY() {
      return stream.isTTY;
    },
    get columns() {
      return stream.columns;
    },
    write(chunk: string | Uint8Array) {
      if (closed || stream.destroyed) throw new OutputClosed();
      const flushed = stream.write(chunk);
      if (stream.destroyed) throw new OutputClosed();
      return flushed;
    },
  };
}

/** The real process. Nothing can be said on a closed standard error: its EPIPE is ignored. */
export function processIo(): CliIo {
  process.stderr.on('error', (error: NodeJS.ErrnoException) => {
    if (!closedPipe(error)) throw error;
  });
  return {
    stdout: guardedStdout(process.stdout),
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
