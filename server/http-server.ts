import { AsyncLocalStorage } from 'node:async_hooks';
import crypto from 'node:crypto';
import http, { type IncomingMessage, type ServerResponse } from 'node:http';
import type { Logger } from 'pino';
import type { AppEnv } from '@/lib/env';
import type { Message } from '@/lib/domain/messages';
import { messageText } from '@/lib/server/catalogue';
import { localeOfRequest } from '@/lib/server/request-locale';
import { installRequestScope, type RequestScope } from '@/lib/request-scope';
import { watchBody } from './body-watch';
import { applyClientHeaders, resolveClient, trustedAddresses } from './client-address';
import { bodyLimitFor, checkRequest, pathOf, type Refusal } from './edge-checks';
import { isPageForm, isUtf8Form, readBody, replayRequest } from './form-bodies';
import type { RoutePattern } from './route-patterns';

/** Where the server is in its life; only `ready` takes traffic from a load balancer. */
type Phase = 'starting' | 'migrating' | 'building' | 'preparing' | 'ready' | 'draining';

type Handler = (req: IncomingMessage, res: ServerResponse) => Promise<void>;

interface AppServer {
  server: http.Server;
  phase(): Phase;
  setPhase(phase: Exclude<Phase, 'ready' | 'draining'>): void;
  /** Hands requests to the app from now on and reports ready. */
  serve(handler: Handler, route: RoutePattern): void;
  /**
   * Reports draining, keeps accepting for `delayMs` (for a load balancer to take the instance
   * out), then stops accepting, answers what was received (up to `timeoutMs`) and closes every
   * connection.
   */
  drain(timeoutMs: number, delayMs?: number): Promise<{ unfinished: number }>;
}

// Answered here whatever the app's state, so they are routes of their own in the log.
const ownRoute = (pathname: string) => (pathname === '/api/ready' ? pathname : undefined);
const REQUEST_ID = /^[A-Za-z0-9._:@-]{1,128}$/;

/**
 * The HTTP server in front of Next: the one place that sees every request first. It refuses what
 * the app should never see, says who the client is, answers health and readiness on its own while
 * the app starts or stops, and writes one log line per request.
 */
export function createAppServer(env: AppEnv, logger: Logger): AppServer {
  const storage = new AsyncLocalStorage<RequestScope>();
  installRequestScope(storage);
  const isTrusted = trustedAddresses(env.trustProxy);
  const configuredHost = process.env.AUTH_URL ? new URL(process.env.AUTH_URL).host : undefined;
  const inFlight = new Set<ServerResponse>();
  let phase: Phase = 'starting';
  let handler: Handler | undefined;
  let route: RoutePattern = () => null;

  const ownHosts = (req: IncomingMessage): string[] => {
    const forwarded = req.headers['x-forwarded-host'];
    const first = (Array.isArray(forwarded) ? forwarded[0] : forwarded)?.split(',')[0]?.trim();
    return [first, req.headers.host, configuredHost].filter((host): host is string => !!host);
  };

  const server = http.createServer((req, res) => {
    const started = performance.now();
    const client = resolveClient(req.socket.remoteAddress, req.headers, env.trustProxy, isTrusted);
    const offered = req.headers['x-request-id'];
    const requestId = client.peerTrusted && typeof offered === 'string' && REQUEST_ID.test(offered) ? offered : crypto.randomUUID();
    applyClientHeaders(req.headers, client);
    req.headers['x-request-id'] = requestId;
    res.setHeader('x-request-id', requestId);
    if (phase === 'draining') res.setHeader('connection', 'close');
    const scope: RequestScope = { requestId };
    const pathname = pathOf(req.url);
    const notes: { reason?: string } = {};
    inFlight.add(res);
    res.once('close', () => {
      inFlight.delete(res);
      logger.info(
        {
          reqId: requestId, method: req.method, route: pathname ? ownRoute(pathname) ?? route(pathname) : null, status: res.statusCode,
          ms: Math.round((performance.now() - started) * 10) / 10, userId: scope.userId ?? null,
          ...(res.writableFinished ? {} : { aborted: true }), ...(notes.reason ? { reason: notes.reason } : {}),
        },
        'request',
      );
    });
    storage.run(scope, () => dispatch(req, res, pathname, notes));
  });
  // Longer than a load balancer's idle timeout, so that it, not this server, closes idle connections.
  server.keepAliveTimeout = 65_000;
  server.headersTimeout = 66_000;
  server.on('clientError', (error: NodeJS.ErrnoException, socket) => {
    if (error.code === 'ECONNRESET' || !socket.writable) return void socket.destroy();
    const status = error.code === 'HPE_INVALID_METHOD' ? 501 : error.code === 'HPE_HEADER_OVERFLOW' ? 431 : error.code === 'ERR_HTTP_REQUEST_TIMEOUT' ? 408 : 400;
    logger.info({ reqId: null, method: null, route: null, status, reason: error.code ?? 'bad_request' }, 'request');
    socket.end(`HTTP/1.1 ${status} ${http.STATUS_CODES[status]}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`);
  });

  function dispatch(req: IncomingMessage, res: ServerResponse, pathname: string | undefined, notes: { reason?: string }): void {
    const refusal = checkRequest(req, pathname, ownHosts);
    if (refusal) {
      notes.reason = refusal.code;
      return refuse(res, refusal);
    }
    if (pathname === '/api/ready') return sendJson(res, phase === 'ready' ? 200 : 503, { status: phase });
    if (!handler) {
      if (pathname === '/api/health') return sendJson(res, 503, { status: phase });
      return sendJson(res, 503, { error: { code: 'unavailable', message: told(req, { key: 'problem.starting' }) } }, { 'retry-after': '5' });
    }
    watchBody(req, res, () => {
      notes.reason = 'body_timeout';
      refuse(res, { status: 408, code: 'request_timeout', message: { key: 'problem.bodyStopped' }, close: true });
    });
    const run = (request: IncomingMessage) =>
      handler!(request, res).catch((error: unknown) => {
        logger.error({ reqId: req.headers['x-request-id'], err: error }, 'request failed');
        if (!res.headersSent) sendJson(res, 500, { error: { code: 'internal', message: told(req, { key: 'problem.internal' }) } });
        else res.destroy();
      });
    if (!pathname || !isPageForm(req, pathname)) return void run(req);
    const limit = bodyLimitFor(pathname);
    void readBody(req, limit).then((body) => {
      if (res.headersSent || req.socket.destroyed) return;
      if (!body) {
        notes.reason = 'body_too_large';
        return refuse(res, { status: 413, code: 'payload_too_large', message: { key: 'problem.tooLarge', values: { megabytes: limit / 1024 / 1024 } }, close: true });
      }
      if (!isUtf8Form(body, req.headers['content-type'])) {
        notes.reason = 'not_utf8';
        return refuse(res, { status: 400, code: 'bad_request', message: { key: 'problem.formNotUtf8' } });
      }
      void run(replayRequest(req, body));
    });
  }

  return {
    server,
    phase: () => phase,
    setPhase: (next) => {
      if (phase !== 'draining') phase = next;
    },
    serve: (next, patterns) => {
      handler = next;
      route = patterns;
      if (phase !== 'draining') phase = 'ready';
    },
    drain: async (timeoutMs, delayMs = 0) => {
      phase = 'draining';
      for (const res of inFlight) if (!res.headersSent) res.setHeader('connection', 'close');
      if (delayMs > 0) {
        const until = Date.now() + delayMs;
        while (Date.now() < until) {
          server.closeIdleConnections();
          await new Promise((resolve) => setTimeout(resolve, 100));
        }
      }
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      const deadline = Date.now() + timeoutMs;
      while (inFlight.size > 0 && Date.now() < deadline) {
        // Keep-alive connections fall idle as their last answer goes out; close each as it does.
        server.closeIdleConnections();
        await new Promise((resolve) => setTimeout(resolve, 25));
      }
      const unfinished = inFlight.size;
      server.closeAllConnections();
      await closed;
      return { unfinished };
    },
  };
}

function refuse(res: ServerResponse, refusal: Refusal): void {
  if (res.headersSent) return void res.destroy();
  const headers: Record<string, string> = { ...refusal.headers };
  // The body was not read: the connection cannot carry another request.
  if (refusal.close) headers.connection = 'close';
  sendJson(res, refusal.status, { error: { code: refusal.code, message: told(res.req, refusal.message) } }, headers);
  if (refusal.close) res.once('finish', () => res.socket?.destroySoon());
}

/** A message in the language the request asks for (its cookie or Accept-Language). */
function told(req: IncomingMessage, message: Message): string {
  const headers = new Headers();
  for (const name of ['cookie', 'accept-language']) {
    const value = req.headers[name];
    if (typeof value === 'string') headers.set(name, value);
  }
  return messageText(message, localeOfRequest(headers));
}

function sendJson(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    'content-type': 'application/json',
    'content-length': Buffer.byteLength(text),
    'cache-control': 'no-store',
    'x-content-type-options': 'nosniff',
    ...headers,
  });
  res.end(text);
}
