import { encode } from 'next-auth/jwt';
import type { Database } from '@/db/connect';
import { SESSION_COOKIE } from '@/lib/server/session-token';
import { signIn } from '@/lib/server/sign-in';

/**
 * Signs a user in for real (password check, session row, audit event) and returns the Cookie header
 * a browser would then send: the same token next-auth issues, sealed with the server's AUTH_SECRET.
 */
export async function sessionCookie(db: Database, { email, password, secret }: { email: string; password: string; secret: string }): Promise<string> {
  const result = await signIn(db, { email, password, sourceAddress: '127.0.0.1', userAgent: 'agenda-bench' });
  if (!result.ok) throw new Error(`Sign-in failed for ${email}: ${result.reason}`);
  const token = await encode({
    token: { uid: result.userId, sid: result.sessionId, sv: result.sessionVersion, email: result.email, name: result.name },
    secret,
    salt: SESSION_COOKIE,
  });
  return `${SESSION_COOKIE}=${token}`;
}
