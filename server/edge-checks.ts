import type { IncomingMessage } from 'node:http';
import type { Message } from '@/lib/domain/messages';

export interface Refusal {
  status: number;
  code: string;
  /** Told in the reader's language when the answer is written. */
  message: Message;
  headers?: Record<string, string>;
  /** Close the connection after answering: the body was not read. */
  close?: boolean;
}

const ALLOWED_METHODS = ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS'];

const MB = 1024 * 1024;
/**
 * The largest body each part of the site accepts, longest prefix first. Everything takes JSON or a
 * form of at most 1 MB, but the spreadsheet import: a 10 MB file and its form's framing.
 */
const UPLOAD = 10 * MB + 64 * 1024;
const BODY_LIMITS: { prefix: string; bytes: number }[] = [
  { prefix: '/api/v1/imports', bytes: UPLOAD },
  { prefix: '/import', bytes: UPLOAD },
  { prefix: '/', bytes: 1 * MB },
];

export function bodyLimitFor(pathname: string): number {
  return BODY_LIMITS.find((limit) => pathname.startsWith(limit.prefix))?.bytes ?? 1 * MB;
}

/** The path of a request target, or undefined when it is not a path the app can route. */
export function pathOf(target: string | undefined): string | undefined {
  if (!target?.startsWith('/')) return undefined;
  const end = target.search(/[?#]/);
  return end === -1 ? target : target.slice(0, end);
}

function hasBody(req: IncomingMessage): boolean {
  return req.headers['transfer-encoding'] !== undefined || Number(req.headers['content-length'] ?? 0) > 0;
}

/** What the server refuses before the app sees the request; undefined lets it through. */
export function checkRequest(req: IncomingMessage, pathname: string | undefined, ownHosts: (req: IncomingMessage) => string[]): Refusal | undefined {
  const method = req.method ?? '';
  if (!ALLOWED_METHODS.includes(method)) {
    return { status: 501, code: 'not_implemented', message: { key: 'problem.methodNotSupported', values: { method } }, headers: { allow: ALLOWED_METHODS.join(', ') } };
  }
  if (pathname === undefined) return { status: 400, code: 'bad_request', message: { key: 'problem.notAPath' } };
  try {
    decodeURIComponent(pathname);
  } catch {
    return { status: 400, code: 'bad_request', message: { key: 'problem.badPercentEncoding' } };
  }
  const declared = req.headers['content-length'];
  if (declared !== undefined && Number(declared) > bodyLimitFor(pathname)) {
    const limit = bodyLimitFor(pathname) / MB;
    return { status: 413, code: 'payload_too_large', message: { key: 'problem.tooLarge', values: { megabytes: limit } }, close: true };
  }
  const encoding = req.headers['content-encoding']?.trim().toLowerCase();
  if (encoding && encoding !== 'identity' && hasBody(req)) {
    return {
      status: 415, code: 'unsupported_media_type', message: { key: 'problem.contentEncoding' },
      headers: { 'accept-encoding': 'identity' }, close: true,
    };
  }
  // A server action (any POST to a page) from another site: Next would fail it with a 500.
  const origin = req.headers.origin;
  if (method === 'POST' && !pathname.startsWith('/api/') && origin !== undefined && !sameSite(origin, ownHosts(req))) {
    return { status: 403, code: 'forbidden', message: { key: 'problem.otherSite' }, close: true };
  }
  return undefined;
}

function sameSite(origin: string, hosts: string[]): boolean {
  try {
    return origin !== 'null' && hosts.includes(new URL(origin).host);
  } catch {
    return false;
  }
}
