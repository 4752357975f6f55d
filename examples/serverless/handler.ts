/**
 * A serverless endpoint for partner evaluations: a standard fetch handler,
 * `(Request) => Promise<Response>`, so it runs unchanged on Cloudflare Workers
 * (workerd), Deno, Bun, Vercel/Netlify edge functions, or Node ≥ 20 behind any
 * adapter that speaks `Request`/`Response`.
 *
 *   POST /?asOf=2026-11-30            body: a ledger (JSON)
 *   POST /                            body: { "asOf": "2026-11-30", "ledger": { … }, "window"?: "calendar-year" }
 *
 * 200 the `Evaluation` (JSON) · 400 invalid JSON, ledger or options, with every
 * issue · 405 not POST · 413 body over the limit · 415 not JSON.
 * `asOf` is required: an evaluation never depends on the server's clock.
 */
import { evaluate, parseLedger, ValidationError, windowKinds, type LedgerIssue, type WindowKind } from '@exponential/partner-program';

/** The largest body accepted: 1 MB holds a ledger of ~10,000 entries. */
export const MAX_BODY_BYTES = 1_000_000;

/**
 * Options of {@link handleRequest}. `drainBytes` (default: `maxBodyBytes`) is how
 * much of an oversize body is still read, and dropped, before the 413.
 */
export type HandlerOptions = { readonly maxBodyBytes?: number; readonly drainBytes?: number };

type Issue = { readonly path: string; readonly code: string; readonly message: string };

const json = (status: number, body: unknown, headers: Record<string, string> = {}): Response =>
  new Response(JSON.stringify(body), {
    status,
    headers: { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store', ...headers },
  });

const problem = (status: number, error: string, issues: readonly Issue[], headers?: Record<string, string>) => json(status, { error, issues }, headers);

/**
 * Reads the body, never keeping more than `limit` bytes. Over the limit (by
 * Content-Length, or counted as the stream arrives, since the header may be
 * absent or wrong) the rest is still read and dropped, up to `drain` bytes, and
 * only then refused: an HTTP/1.1 client is still sending when the answer comes,
 * and a server that stops reading and closes resets the connection, so the
 * client may see a failed request instead of the 413 (or, on a reused
 * connection, its next request fails). Past `limit + drain` (an endless stream,
 * a declared length beyond it) the stream is cancelled at once.
 */
async function readBody(request: Request, limit: number, drain: number): Promise<{ ok: true; bytes: Uint8Array } | { ok: false }> {
  const declared = request.headers.get('content-length');
  const declaredLength = declared !== null && /^\d+$/.test(declared) ? Number(declared) : undefined;
  if (request.body === null) return { ok: true, bytes: new Uint8Array(0) };
  if (declaredLength !== undefined && declaredLength > limit + drain) {
    await request.body.cancel('body too large').catch(() => undefined);
    return { ok: false };
  }
  const keep = declaredLength === undefined || declaredLength <= limit;
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > limit + drain) {
      await reader.cancel('body too large').catch(() => undefined);
      return { ok: false };
    }
    if (keep && total <= limit) chunks.push(value);
  }
  if (!keep || total > limit) return { ok: false };
  const bytes = new Uint8Array(total);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return { ok: true, bytes };
}

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * Evaluates the ledger POSTed in `request`.
 * @param request - POST, `Content-Type: application/json`; `asOf` in the query or the body.
 * @returns The evaluation (200), or `{ error, issues }` (400, 405, 413, 415).
 */
export async function handleRequest(request: Request, options: HandlerOptions = {}): Promise<Response> {
  const limit = options.maxBodyBytes ?? MAX_BODY_BYTES;
  const drain = options.drainBytes ?? limit;
  if (request.method !== 'POST') {
    return problem(405, 'method-not-allowed', [{ path: '', code: 'method-not-allowed', message: 'POST a ledger as JSON' }], { allow: 'POST' });
  }
  const type = request.headers.get('content-type') ?? '';
  if (!/^application\/([\w.+-]+\+)?json\b/i.test(type)) {
    return problem(415, 'unsupported-media-type', [{ path: '', code: 'unsupported-media-type', message: 'send the ledger with Content-Type: application/json' }]);
  }
  const body = await readBody(request, limit, drain);
  if (!body.ok) return problem(413, 'payload-too-large', [{ path: '', code: 'payload-too-large', message: `the body is larger than ${limit} bytes` }]);

  let input: unknown;
  try {
    input = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(body.bytes));
  } catch (error) {
    return problem(400, 'invalid-json', [{ path: '', code: 'invalid-json', message: error instanceof Error ? error.message : 'the body is not JSON' }]);
  }

  // Either the ledger itself (options in the query) or { ledger, asOf, window } (options in the body).
  const url = new URL(request.url);
  const wrapper = isObject(input) && 'ledger' in input ? input : undefined;
  const wrapped = wrapper !== undefined;
  const ledgerInput = wrapper === undefined ? input : wrapper.ledger;
  const fromBody = (key: string): unknown => wrapper?.[key];
  const issues: Issue[] = [];
  const option = (key: 'asOf' | 'window'): string | undefined => {
    const query = url.searchParams.get(key) ?? undefined;
    const body = fromBody(key);
    if (body !== undefined && typeof body !== 'string') issues.push({ path: key, code: 'invalid-type', message: `"${key}" must be a string` });
    else if (query !== undefined && body !== undefined && query !== body) issues.push({ path: key, code: 'invalid-value', message: `"${key}" differs between the query (${query}) and the body (${body})` });
    return query ?? (typeof body === 'string' ? body : undefined);
  };
  const asOf = option('asOf');
  const window = option('window');
  if (asOf === undefined) issues.push({ path: 'asOf', code: 'missing-field', message: 'give the review date: ?asOf=YYYY-MM-DD or "asOf" in the body' });
  if (window !== undefined && !(windowKinds as readonly string[]).includes(window)) {
    issues.push({ path: 'window', code: 'invalid-value', message: `"window" must be one of ${windowKinds.join(', ')}` });
  }
  const parsed = parseLedger(ledgerInput);
  if (!parsed.ok) issues.push(...parsed.issues.map((i: LedgerIssue) => ({ ...i, path: wrapped ? (i.path === '' ? 'ledger' : `ledger.${i.path}`) : i.path })));
  if (issues.length > 0 || !parsed.ok || asOf === undefined) return problem(400, 'invalid-request', issues);

  try {
    const evaluation = evaluate(parsed.ledger, { asOf, ...(window === undefined ? {} : { window: window as WindowKind }) });
    return json(200, evaluation);
  } catch (error) {
    if (error instanceof ValidationError) return problem(400, 'invalid-request', error.issues);
    throw error;
  }
}
