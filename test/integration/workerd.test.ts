// The serverless example end to end in the real Cloudflare Workers runtime:
// bundled with esbuild into a module worker, served by workerd on 127.0.0.1,
// and asked over HTTP.
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { evaluate } from '../../src/index';
import { ensureBuilt, extraTimeZoneRun, root } from '../cli/helpers';
import { requireTool } from './tools';

const AS_OF = '2026-11-30';
/** The workerd executable the `workerd` package installed for this platform (its binary is an optional, per-platform dependency). */
function findWorkerd(): string | undefined {
  try {
    const path = (createRequire(import.meta.url)('workerd') as { default: string }).default;
    return existsSync(path) ? path : undefined;
  } catch {
    return undefined;
  }
}
const workerdBinary = findWorkerd();
// Missing workerd: skipped, with the reason, on a developer's machine; a failure in CI.
const workerdTool = requireTool('workerd binary', workerdBinary !== undefined, 'npm ci installs it (the workerd package and its @cloudflare/workerd-<platform> binary)');

/** A port that was free a moment ago (workerd binds it next; a clash is retried). */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address !== null ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

async function waitUntilServing(url: string, child: ChildProcess, log: () => string): Promise<void> {
  const deadline = Date.now() + 20_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`workerd exited (${child.exitCode}):\n${log()}`);
    try {
      await fetch(url, { method: 'GET', headers: { connection: 'close' } });
      return;
    } catch {
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
  throw new Error(`workerd did not answer on ${url} within 20 s:\n${log()}`);
}

describe.skipIf(workerdTool.skip || extraTimeZoneRun)(`serverless example in workerd${workerdTool.reason}`, () => {
  let dir: string;
  let child: ChildProcess | undefined;
  let base: string;

  beforeAll(async () => {
    ensureBuilt(); // the example imports the package by name: dist/
    const buildScript = pathToFileURL(join(root, 'examples', 'serverless', 'build.mjs')).href;
    const { buildWorker } = (await import(buildScript)) as {
      buildWorker: (o: { outDir: string; port: number }) => Promise<{ config: string }>;
    };
    dir = mkdtempSync(join(tmpdir(), 'pp-workerd-'));
    for (let attempt = 1; ; attempt++) {
      const port = await freePort();
      const { config } = await buildWorker({ outDir: dir, port });
      let log = '';
      const started = spawn(workerdBinary!, ['serve', config], { stdio: ['ignore', 'pipe', 'pipe'] });
      started.stdout?.on('data', (chunk: Buffer) => (log += chunk.toString()));
      started.stderr?.on('data', (chunk: Buffer) => (log += chunk.toString()));
      base = `http://127.0.0.1:${port}`;
      try {
        await waitUntilServing(base, started, () => log);
        child = started;
        return;
      } catch (error) {
        started.kill('SIGKILL');
        if (attempt === 3) throw error;
      }
    }
  }, 90_000);

  afterAll(async () => {
    if (child && child.exitCode === null) {
      const exited = new Promise((resolve) => child?.once('exit', resolve));
      child.kill('SIGTERM');
      await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 5_000))]);
      if (child.exitCode === null) child.kill('SIGKILL');
    }
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  const ledger = (name: string) => readFileSync(join(root, 'examples', 'ledgers', name), 'utf8');
  // Every request on a connection of its own: a pooled keep-alive connection can be
  // closed by workerd (after 5 s idle, or after an unread body) just as the next
  // request is written to it, and that request then fails for no fault of the handler.
  const request = (init: RequestInit & { duplex?: 'half' } = {}, query = `?asOf=${AS_OF}`) =>
    fetch(`${base}/${query}`, { ...init, headers: { connection: 'close', ...(init.body === undefined ? {} : { 'content-type': 'application/json' }) } } as RequestInit);
  const post = (body: BodyInit, query = `?asOf=${AS_OF}`) => request({ method: 'POST', body, ...(body instanceof ReadableStream ? { duplex: 'half' } : {}) }, query);

  it.each(['community-basic.json', 'gold-scale.json', 'new-fee-paying.json', 'professional-integrator.json', 'silver-agency.json'])(
    'evaluates %s as the library does in Node',
    async (name) => {
      const response = await post(ledger(name));
      expect(response.status).toBe(200);
      expect(await response.json()).toEqual(JSON.parse(JSON.stringify(evaluate(JSON.parse(ledger(name)), { asOf: AS_OF }))));
    },
  );

  it('answers 400 with every issue of the invalid example', async () => {
    const response = await post(ledger('invalid/broken.json'));
    expect(response.status).toBe(400);
    const body = (await response.json()) as { issues: { path: string }[] };
    expect(body.issues.map((i) => i.path)).toEqual(['entries[1].note', 'entries[2].date', 'entries[3].amount', 'entries[4].id', 'entries[5].relatesTo', 'entries[6].activity']);
  });

  it('answers 400 without asOf, and 405 to GET', async () => {
    expect((await post(ledger('gold-scale.json'), '')).status).toBe(400);
    expect((await request()).status).toBe(405);
  });

  // The handler reads (and drops) a body up to twice the limit before it answers
  // 413, so the answer comes after the whole upload and the connection is never
  // reset under the client: the status arrives however slow either side is.
  it('answers 413 to a body over 1 MB, declared or streamed (chunked)', async () => {
    const tooLarge = async (response: Response) => {
      expect(response.status).toBe(413);
      expect(((await response.json()) as { error: string }).error).toBe('payload-too-large');
    };
    await tooLarge(await post(`{"pad": "${'x'.repeat(1_100_000)}"}`));
    const encoder = new TextEncoder();
    let sent = 0;
    const stream = new ReadableStream<Uint8Array>({
      pull(controller) {
        if (sent >= 1_200_000) return controller.close();
        sent += 100_000;
        controller.enqueue(encoder.encode(' '.repeat(100_000)));
      },
    });
    await tooLarge(await post(stream));
    expect(sent).toBe(1_200_000); // the whole upload went out before the answer
    // A valid ledger right after: nothing of the refused uploads is left behind.
    expect((await post(ledger('gold-scale.json'))).status).toBe(200);
  });
});
