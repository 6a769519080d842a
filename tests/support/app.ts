import { encode } from 'next-auth/jwt';
import type { DatabaseHandle } from '../../db/connect';
import { SESSION_COOKIE } from '../../lib/server/session-token';
import { signIn } from '../../lib/server/sign-in';

export const TEST_AUTH_SECRET = 'test-secret-that-is-long-enough-for-auth-0123456789';
export const APP_ORIGIN = 'http://localhost:3000';

/**
 * Points the app's one database client at a test database, as the server would open its own.
 * Call in beforeAll; the handle stays owned by the test.
 */
export function useDatabase(handle: DatabaseHandle): void {
  process.env.AUTH_SECRET = TEST_AUTH_SECRET;
  (globalThis as { __agendaDb?: Promise<DatabaseHandle> }).__agendaDb = Promise.resolve(handle);
}

/** Signs in for real (password check, session row) and returns the Cookie header a browser would send. */
export async function sessionCookieFor(handle: DatabaseHandle, email: string, password = 'demo-password-2026'): Promise<string> {
  const result = await signIn(handle.db, { email, password, sourceAddress: '127.0.0.1', userAgent: 'vitest' });
  if (!result.ok) throw new Error(`Test sign-in failed for ${email}: ${result.reason}`);
  const token = await encode({
    token: { uid: result.userId, sid: result.sessionId, sv: result.sessionVersion, email: result.email, name: result.name },
    secret: TEST_AUTH_SECRET,
    salt: SESSION_COOKIE,
  });
  return `${SESSION_COOKIE}=${token}`;
}

export function jsonRequest(method: string, path: string, options: { cookie?: string; body?: unknown; headers?: Record<string, string> } = {}): Request {
  const headers: Record<string, string> = { ...(options.headers ?? {}) };
  if (options.cookie) headers.cookie = options.cookie;
  let body: string | undefined;
  if (options.body !== undefined) {
    body = typeof options.body === 'string' ? options.body : JSON.stringify(options.body);
    headers['content-type'] ??= 'application/json';
  }
  return new Request(`${APP_ORIGIN}${path}`, { method, headers, body });
}
