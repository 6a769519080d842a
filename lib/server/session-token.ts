import 'server-only';
import { getToken } from 'next-auth/jwt';

export const SESSION_COOKIE = 'authjs.session-token';
const SECURE_SESSION_COOKIE = `__Secure-${SESSION_COOKIE}`;

export interface SessionClaims {
  uid: string;
  sid: string;
  sv: number;
}

/** Reads and verifies the session cookie (next-auth's encrypted JWT) from a Cookie header. */
export async function readSessionClaims(cookieHeader: string | null, secret: string | undefined): Promise<SessionClaims | null> {
  if (!cookieHeader || !secret) return null;
  const secure = cookieHeader.includes(`${SECURE_SESSION_COOKIE}=`);
  try {
    const token = await getToken({
      req: { headers: { cookie: cookieHeader } },
      secret,
      secureCookie: secure,
      salt: secure ? SECURE_SESSION_COOKIE : SESSION_COOKIE,
    });
    if (!token) return null;
    const { uid, sid, sv } = token as Record<string, unknown>;
    if (typeof uid !== 'string' || typeof sid !== 'string' || typeof sv !== 'number') return null;
    return { uid, sid, sv };
  } catch {
    // A cookie made with another secret, or tampered with, is no session.
    return null;
  }
}
