import 'server-only';
import { withIsoTimes } from './api-shapes';
import { bearerContext, bearerTokenOf } from './bearer';
import { contextFromHeaders } from './context';
import { errorResponse } from './error-answers';
import { AppError } from './errors';
import { requireSignedIn, type SignedInContext } from './guard';
import { localeOfRequest } from './request-locale';

const MAX_BODY_BYTES = 1024 * 1024;
// A file upload: the import's 10 MB file and the form's own framing.
const MAX_UPLOAD_BYTES = 10 * 1024 * 1024 + 64 * 1024;

interface ApiCall<P> {
  ctx: SignedInContext;
  request: Request;
  params: P;
  /** The JSON body, read only when the handler asks, after the who/what/may checks. */
  body(): Promise<unknown>;
  /** For an upload route: the multipart form's `file` field, read only when the handler asks. */
  file(): Promise<{ name: string; bytes: Buffer }>;
}

type Handler<P> = (call: ApiCall<P>) => Promise<Response | object>;

/**
 * One wrapper for every JSON route handler: the caller is checked first (401): an API token
 * (`Authorization: Bearer …`) or else the session cookie; writes must be JSON of at most 1 MB, and
 * with a cookie must come from this site; a read token may not write (403). Any failure becomes
 * {"error": {code, message, fields?}}. A token needs no Origin check: a browser never attaches an
 * Authorization header to another site's request by itself, so a token cannot be ridden the way a
 * cookie can.
 */
export function apiRoute<P extends Record<string, string>>(handler: Handler<P>, options: { status?: number; bodyless?: boolean; upload?: boolean } = {}) {
  return async (request: Request, route: { params: Promise<P> }): Promise<Response> => {
    let viewer: SignedInContext['viewer'] | null = null;
    try {
      const bearer = bearerTokenOf(request.headers);
      const ctx = bearer === null ? requireSignedIn(await contextFromHeaders(request.headers)) : await bearerContext(request.headers, bearer);
      viewer = ctx.viewer;
      const isWrite = request.method !== 'GET' && request.method !== 'HEAD';
      if (isWrite && ctx.token?.scope === 'read') throw new AppError('forbidden', { key: 'problem.tokenReadOnly' });
      // A write that takes no body (watch, unwatch) may come without one, and so without a content type.
      if (isWrite && !(options.bodyless && !hasBody(request))) {
        checkWriteRequest(request, { checkOrigin: !ctx.token, expected: options.upload ? 'multipart/form-data' : 'application/json' });
      }
      const params = await route.params;
      const result = await handler({ ctx, request, params, body: () => readJsonBody(request), file: () => readUploadedFile(request) });
      return result instanceof Response ? result : json(result, options.status ?? 200);
    } catch (error) {
      return errorResponse(error, localeOfRequest(request.headers, viewer));
    }
  };
}

type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
const METHODS: Method[] = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'];

/**
 * A route's handlers for every method, to export as they are: the methods it serves, and for the
 * others a 405 in the API's error shape with `Allow` (Next's own 405 has neither). OPTIONS answers
 * 204 with the same `Allow`; HEAD is served as GET.
 */
export function routeMethods<H extends (...args: never[]) => Promise<Response>>(handlers: Partial<Record<Method, H>>): Record<Method | 'OPTIONS', H> {
  const served = METHODS.filter((method) => handlers[method]);
  const allow = [...served, ...(served.includes('GET') ? ['HEAD'] : []), 'OPTIONS'].sort().join(', ');
  const refuse = async (request: Request) => {
    const values = { method: request.method, allowed: allow };
    const response = errorResponse(new AppError('method_not_allowed', { key: 'problem.methodNotAllowed', values }), localeOfRequest(request.headers));
    response.headers.set('allow', allow);
    return response;
  };
  const options = async () => new Response(null, { status: 204, headers: { allow } });
  const all = Object.fromEntries(METHODS.map((method) => [method, handlers[method] ?? refuse]));
  return { ...all, OPTIONS: options } as unknown as Record<Method | 'OPTIONS', H>;
}

export function json(data: unknown, status = 200): Response {
  return Response.json(withIsoTimes(data), { status, headers: { 'cache-control': 'no-store' } });
}

function hasBody(request: Request): boolean {
  const length = request.headers.get('content-length');
  return request.headers.has('transfer-encoding') || (length !== null && length !== '0');
}

interface WriteChecks {
  /** Browsers send Origin; a token request comes from a program and needs none. */
  checkOrigin: boolean;
  expected: 'application/json' | 'multipart/form-data';
}

function checkWriteRequest(request: Request, { checkOrigin, expected }: WriteChecks): void {
  const origin = request.headers.get('origin');
  if (checkOrigin && origin !== null && !ownOrigins(request).has(origin)) {
    throw new AppError('forbidden', { key: 'problem.otherSite' });
  }
  // A DELETE carries no body, so it has no type to check.
  if (request.method === 'DELETE') return;
  const type = request.headers.get('content-type')?.split(';')[0]?.trim().toLowerCase();
  if (type !== expected) {
    throw new AppError('unsupported_media_type', { key: expected === 'application/json' ? 'problem.notJson' : 'problem.notMultipart' });
  }
  const declared = Number(request.headers.get('content-length') ?? '0');
  if (declared > (expected === 'application/json' ? MAX_BODY_BYTES : MAX_UPLOAD_BYTES)) throw tooLarge(expected === 'application/json' ? MAX_BODY_BYTES : MAX_UPLOAD_BYTES);
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

/** The body's bytes, refused past `limit` however it is sent (a declared length can be absent). */
async function readBodyBytes(request: Request, limit: number): Promise<Buffer> {
  const reader = request.body?.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  if (reader) {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      size += value.byteLength;
      if (size > limit) {
        await reader.cancel();
        throw tooLarge(limit);
      }
      chunks.push(value);
    }
  }
  return Buffer.concat(chunks);
}

async function readUploadedFile(request: Request): Promise<{ name: string; bytes: Buffer }> {
  const bytes = await readBodyBytes(request, MAX_UPLOAD_BYTES);
  let file: FormDataEntryValue | null;
  try {
    const form = await new Response(new Uint8Array(bytes), { headers: { 'content-type': request.headers.get('content-type') ?? '' } }).formData();
    file = form.get('file');
  } catch {
    throw new AppError('bad_request', { key: 'problem.badMultipart' });
  }
  if (!file || typeof file === 'string') throw new AppError('invalid', { key: 'problem.noFile' }, { file: [{ key: 'problem.noFile' }] });
  return { name: file.name || 'upload', bytes: Buffer.from(await file.arrayBuffer()) };
}

async function readJsonBody(request: Request): Promise<unknown> {
  const bytes = await readBodyBytes(request, MAX_BODY_BYTES);
  let text: string;
  try {
    // Bytes that are not UTF-8 are refused, not stored as U+FFFD.
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new AppError('bad_request', { key: 'problem.badEncoding' });
  }
  if (!text.trim()) throw new AppError('bad_request', { key: 'problem.emptyBody' });
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw new AppError('bad_request', { key: 'problem.badJson' });
  }
  // Every write takes an object; `null`, a list or a bare value is not an empty one.
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw new AppError('invalid', { key: 'problem.notObject' });
  return value;
}

function tooLarge(limit: number): AppError {
  return new AppError('payload_too_large', { key: 'problem.tooLarge', values: { megabytes: Math.floor(limit / 1024 / 1024) } });
}
