/**
 * The module-worker entry (Cloudflare Workers, workerd): `export default { fetch }`.
 * Only the default export: workerd treats every named export of the main
 * module as an entrypoint.
 */
import { handleRequest } from './handler';

export default {
  async fetch(request: Request): Promise<Response> {
    try {
      return await handleRequest(request);
    } catch {
      return new Response(JSON.stringify({ error: 'internal-error', issues: [{ path: '', code: 'internal-error', message: 'the evaluation failed unexpectedly' }] }), {
        status: 500,
        headers: { 'content-type': 'application/json; charset=utf-8' },
      });
    }
  },
};
