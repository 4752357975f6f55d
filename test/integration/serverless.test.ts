// examples/serverless/handler.ts called with real `Request` objects in Node:
// the evaluation on success, every issue on bad input, 413 on oversize bodies.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { evaluate } from '../../src/index';
import { ensureBuilt, root } from '../cli/helpers';

type Handler = typeof import('../../examples/serverless/handler');
let handler: Handler;

beforeAll(async () => {
  // The example imports the package by name, i.e. the built dist/.
  ensureBuilt();
  handler = await import('../../examples/serverless/handler');
}, 180_000);

const AS_OF = '2026-11-30';
const goldText = readFileSync(join(root, 'examples', 'ledgers', 'gold-scale.json'), 'utf8');
const gold = JSON.parse(goldText) as unknown;
const brokenText = readFileSync(join(root, 'examples', 'ledgers', 'invalid', 'broken.json'), 'utf8');

const post = (body: BodyInit | null, query = `?asOf=${AS_OF}`, headers: Record<string, string> = { 'content-type': 'application/json' }) =>
  new Request(`https://partners.example/evaluate${query}`, { method: 'POST', body, headers, ...(body instanceof ReadableStream ? { duplex: 'half' } : {}) } as RequestInit);

type Problem = { error: string; issues: { path: string; code: string; message: string }[] };

describe('serverless handler', () => {
  it('answers a POSTed ledger with its evaluation (asOf in the query)', async () => {
    const response = await handler.handleRequest(post(goldText));
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/json; charset=utf-8');
    expect(await response.json()).toEqual(JSON.parse(JSON.stringify(evaluate(gold, { asOf: AS_OF }))));
  });

  it('takes asOf and window from the body', async () => {
    const response = await handler.handleRequest(post(JSON.stringify({ asOf: AS_OF, window: 'calendar-year', ledger: gold }), ''));
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual(JSON.parse(JSON.stringify(evaluate(gold, { asOf: AS_OF, window: 'calendar-year' }))));
  });

  it('requires asOf', async () => {
    const response = await handler.handleRequest(post(goldText, ''));
    expect(response.status).toBe(400);
    expect(((await response.json()) as Problem).issues).toEqual([expect.objectContaining({ path: 'asOf', code: 'missing-field' })]);
  });

  it('refuses an impossible asOf, or two that differ', async () => {
    const impossible = await handler.handleRequest(post(goldText, '?asOf=2026-02-30'));
    expect(impossible.status).toBe(400);
    expect(((await impossible.json()) as Problem).issues).toEqual([expect.objectContaining({ path: 'asOf', code: 'invalid-date' })]);
    const differ = await handler.handleRequest(post(JSON.stringify({ asOf: '2026-10-31', ledger: gold })));
    expect(differ.status).toBe(400);
  });

  it('lists every issue of an invalid ledger (paths under "ledger." when wrapped)', async () => {
    const bare = await handler.handleRequest(post(brokenText));
    expect(bare.status).toBe(400);
    const body = (await bare.json()) as Problem;
    expect(body.error).toBe('invalid-request');
    expect(body.issues.map((i) => i.path)).toEqual(['entries[1].note', 'entries[2].date', 'entries[3].amount', 'entries[4].id', 'entries[5].relatesTo', 'entries[6].activity']);
    const wrapped = await handler.handleRequest(post(JSON.stringify({ asOf: AS_OF, ledger: JSON.parse(brokenText) as unknown }), ''));
    expect(((await wrapped.json()) as Problem).issues[0]?.path).toBe('ledger.entries[1].note');
  });

  it('answers 400 to a body that is not JSON, or not UTF-8', async () => {
    const notJson = await handler.handleRequest(post('{"partner":'));
    expect(notJson.status).toBe(400);
    expect(((await notJson.json()) as Problem).error).toBe('invalid-json');
    const notUtf8 = await handler.handleRequest(post(new Uint8Array([0x7b, 0xff, 0x7d])));
    expect(notUtf8.status).toBe(400);
  });

  it('answers 405 to other methods and 415 to other content types', async () => {
    const get = await handler.handleRequest(new Request(`https://partners.example/?asOf=${AS_OF}`));
    expect(get.status).toBe(405);
    expect(get.headers.get('allow')).toBe('POST');
    expect((await handler.handleRequest(post(goldText, `?asOf=${AS_OF}`, { 'content-type': 'text/plain' }))).status).toBe(415);
  });

  describe('413 on oversize bodies', () => {
    const limit = { maxBodyBytes: 1_000 };
    const big = `{"partner": {"id": "x", "joinedOn": "2020-01-01"}, "entries": [], "meta": {"pad": "${'x'.repeat(2_000)}"}}`;

    it('refuses at once when Content-Length says so', async () => {
      expect((await handler.handleRequest(post(big), limit)).status).toBe(413);
    });

    it('counts the bytes of a streamed body without Content-Length', async () => {
      let pulled = 0;
      const stream = new ReadableStream<Uint8Array>({
        pull(controller) {
          // An endless body: the handler must stop reading at the limit.
          pulled++;
          controller.enqueue(new TextEncoder().encode('x'.repeat(300)));
        },
      });
      const response = await handler.handleRequest(post(stream), limit);
      expect(response.status).toBe(413);
      expect(pulled).toBeLessThan(10);
    });

    // Answering while the client still uploads lets the runtime close the connection
    // under it (a reset, not a 413): a body up to limit + drainBytes is read to its end first.
    it('reads a body a little over the limit to its end before answering 413, declared or not', async () => {
      for (const headers of [{}, { 'content-length': '1500' }]) {
        let chunks = 0;
        let closed = false;
        const body = new ReadableStream<Uint8Array>({
          pull(controller) {
            if (chunks === 5) {
              closed = true;
              return controller.close();
            }
            chunks++;
            controller.enqueue(new TextEncoder().encode('x'.repeat(300)));
          },
        });
        const request = new Request(`https://partners.example/evaluate?asOf=${AS_OF}`, {
          method: 'POST',
          body,
          headers: { 'content-type': 'application/json', ...headers },
          duplex: 'half',
        } as RequestInit);
        const response = await handler.handleRequest(request, limit);
        expect(response.status).toBe(413);
        expect(closed).toBe(true);
      }
    });

    it('stops reading past limit + drainBytes, and refuses a declared length beyond them unread', async () => {
      const endless = (counter: { pulled: number; cancelled: boolean }) =>
        new ReadableStream<Uint8Array>({
          pull(controller) {
            counter.pulled++;
            controller.enqueue(new TextEncoder().encode('x'.repeat(300)));
          },
          cancel() {
            counter.cancelled = true;
          },
        });
      for (const drainBytes of [0, 600, 3_000]) {
        const counter = { pulled: 0, cancelled: false };
        expect((await handler.handleRequest(post(endless(counter)), { ...limit, drainBytes })).status).toBe(413);
        expect(counter.cancelled).toBe(true);
        // Reads stop with the first chunk past limit + drainBytes (a stream may be pulled one chunk ahead).
        expect(counter.pulled).toBeLessThanOrEqual(Math.floor((limit.maxBodyBytes + drainBytes) / 300) + 2);
      }
      const counter = { pulled: 0, cancelled: false };
      const declared = new Request(`https://partners.example/evaluate?asOf=${AS_OF}`, {
        method: 'POST',
        body: endless(counter),
        headers: { 'content-type': 'application/json', 'content-length': String(2 * limit.maxBodyBytes + 1) },
        duplex: 'half',
      } as RequestInit);
      expect((await handler.handleRequest(declared, limit)).status).toBe(413);
      expect(counter).toEqual({ pulled: 0, cancelled: true });
    });

    it('does not trust a Content-Length that understates the body', async () => {
      const request = post(big, `?asOf=${AS_OF}`, { 'content-type': 'application/json', 'content-length': '10' });
      expect((await handler.handleRequest(request, limit)).status).toBe(413);
    });

    it('accepts a body at the limit', async () => {
      const body = JSON.stringify({ asOf: AS_OF, ledger: { partner: { id: 'x', joinedOn: '2020-01-01' }, entries: [] } });
      const response = await handler.handleRequest(post(body, ''), { maxBodyBytes: new TextEncoder().encode(body).length });
      expect(response.status).toBe(200);
    });
  });
});
