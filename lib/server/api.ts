import 'server-only';
import { contextFromHeaders, type RequestContext } from './context';
import { AppError, isAppError } from './errors';
import { requireSignedIn, type SignedInContext } from './guard';

export const MAX_BODY_BYTES = 1024 * 1024;

export interface ApiCall<P> {
  ctx: SignedInContext;
  request: Request;
  params: P;
  /** The JSON body, read only when the handler asks, after the who/what/may checks. */
  body(): Promise<unknown>;
}

type Handler<P> = (call: ApiCall<P>) => Promise<Response | object>;

/**
 * One wrapper for every JSON route handler: the session is checked first (401), writes must come
 * from this site as JSON of at most 1 MB, and any failure becomes {"error": {code, message, fields?}}.
 */
export function apiRoute<P extends Record<string, string>>(handler: Handler<P>, options: { status?: number } = {}) {
  return async (request: Request, route: { params: Promise<P> }): Promise<Response> => {
    try {
      const ctx = requireSignedIn(await contextFromHeaders(request.headers));
      const isWrite = request.method !== 'GET' && request.method !== 'HEAD';
      if (isWrite) checkWriteRequest(request);
      const params = await route.params;
      const result = await handler({ ctx, request, params, body: () => readJsonBody(request) });
      return result instanceof Response ? result : json(result, options.status ?? 200);
    } catch (error) {
      return errorResponse(error);
    }
  };
}

export function json(data: unknown, status = 200): Response {
  return Response.json(data, { status, headers: { 'cache-control': 'no-store' } });
}

export function errorResponse(error: unknown): Response {
  if (isAppError(error)) {
    const body: Record<string, unknown> = { code: error.code, message: error.message };
    if (error.fields) body.fields = error.fields;
    if (error.details !== undefined) body.current = error.details;
    return json({ error: body }, error.status);
  }
  const sqlState = sqlStateOf(error);
  // The database's own constraints are the last line: what they refuse was bad input, not a crash.
  if (sqlState && (sqlState.startsWith('22') || sqlState.startsWith('23'))) {
    return json({ error: { code: 'invalid', message: 'The data was refused by the database rules. Nothing was changed.' } }, 422);
  }
  if (sqlState?.startsWith('08') || isConnectionError(error)) {
    return json({ error: { code: 'unavailable', message: 'The database is not reachable. Try again in a minute.' } }, 503);
  }
  console.error('[api] unexpected error', error);
  return json({ error: { code: 'internal', message: 'Something went wrong on our side. Nothing was changed.' } }, 500);
}

function checkWriteRequest(request: Request): void {
  const origin = request.headers.get('origin');
  if (origin !== null && !ownOrigins(request).has(origin)) {
    throw new AppError('forbidden', 'Requests that change data must come from this site.');
  }
  const type = request.headers.get('content-type')?.split(';')[0]?.trim().toLowerCase();
  if (type !== 'application/json') {
    throw new AppError('unsupported_media_type', 'Send the body as JSON with the header content-type: application/json.');
  }
  const declared = Number(request.headers.get('content-length') ?? '0');
  if (declared > MAX_BODY_BYTES) throw tooLarge();
}

// The app's own origin: AUTH_URL, or the Host header. Never X-Forwarded-Host, which a client can
// write; the server in front keeps X-Forwarded-Proto only from proxies the operator trusts.
function ownOrigins(request: Request): Set<string> {
  const origins = new Set([new URL(request.url).origin]);
  const host = request.headers.get('host');
  if (host) {
    const proto = request.headers.get('x-forwarded-proto') ?? new URL(request.url).protocol.replace(':', '');
    origins.add(`${proto}://${host}`);
  }
  const configured = process.env.AUTH_URL;
  if (configured) {
    try {
      origins.add(new URL(configured).origin);
    } catch {
      // An unparseable AUTH_URL adds nothing; readEnv reports configuration problems at start.
    }
  }
  return origins;
}

async function readJsonBody(request: Request): Promise<unknown> {
  const reader = request.body?.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  if (reader) {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      size += value.byteLength;
      if (size > MAX_BODY_BYTES) {
        await reader.cancel();
        throw tooLarge();
      }
      chunks.push(value);
    }
  }
  const text = Buffer.concat(chunks).toString('utf8');
  if (!text.trim()) throw new AppError('bad_request', 'The request body is empty; send a JSON object.');
  try {
    return JSON.parse(text);
  } catch {
    throw new AppError('bad_request', 'The request body is not valid JSON.');
  }
}

function tooLarge(): AppError {
  return new AppError('payload_too_large', `The request body is larger than ${MAX_BODY_BYTES / 1024 / 1024} MB.`);
}

export type { RequestContext };

function sqlStateOf(error: unknown): string | undefined {
  const e = error as { code?: unknown; cause?: { code?: unknown } } | null;
  const code = e?.cause?.code ?? e?.code;
  return typeof code === 'string' && /^[0-9A-Z]{5}$/.test(code) ? code : undefined;
}

function isConnectionError(error: unknown): boolean {
  const e = error as { code?: unknown; cause?: { code?: unknown } } | null;
  const code = e?.cause?.code ?? e?.code;
  return code === 'ECONNREFUSED' || code === 'ECONNRESET' || code === 'ETIMEDOUT' || code === 'CONNECT_TIMEOUT';
}
