import NextAuth, { CredentialsSignin } from 'next-auth';
import Credentials from 'next-auth/providers/credentials';
import { cookies } from 'next/headers';
import { z } from 'zod';
import { isLocale, LOCALE_COOKIE } from '@/i18n/config';
import { clientAddress, userAgentOf } from '@/lib/server/client-address';
import { authRedirect } from '@/lib/safe-redirect';
import { getDb } from '@/lib/server/db';
import { endSession, viewerOfClaims } from '@/lib/server/session';
import { SESSION_LIFETIME_DAYS, signIn as checkSignIn } from '@/lib/server/sign-in';

const credentialsSchema = z.object({
  email: z.string().trim().min(1).max(254),
  password: z.string().min(1).max(1024),
});

// Wrong password, unknown account, disabled account and lock-out all answer the same.
class InvalidCredentials extends CredentialsSignin {
  override code = 'invalid_credentials';
}

export const { handlers, signIn, signOut } = NextAuth({
  session: { strategy: 'jwt', maxAge: SESSION_LIFETIME_DAYS * 24 * 60 * 60 },
  pages: { signIn: '/sign-in', error: '/sign-in' },
  trustHost: true,
  providers: [
    Credentials({
      credentials: { email: { label: 'Email', type: 'email' }, password: { label: 'Password', type: 'password' } },
      async authorize(raw, request) {
        const parsed = credentialsSchema.safeParse(raw);
        if (!parsed.success) throw new InvalidCredentials();
        const result = await checkSignIn(await getDb(), {
          ...parsed.data,
          sourceAddress: clientAddress(request.headers),
          userAgent: userAgentOf(request.headers),
        });
        if (!result.ok) throw new InvalidCredentials();
        if (isLocale(result.locale)) await rememberLocale(result.locale);
        return { id: result.userId, email: result.email, name: result.name, sid: result.sessionId, sv: result.sessionVersion };
      },
    }),
  ],
  callbacks: {
    // Where a sign-in or sign-out goes next: a path of this site, read as a browser reads it.
    redirect: authRedirect,
    async jwt({ token, user }) {
      if (user) {
        const u = user as { id: string; sid: string; sv: number };
        return { ...token, uid: u.id, sid: u.sid, sv: u.sv };
      }
      // Read back (GET /api/auth/session): a session ended, expired, idle or of a disabled user is
      // none, and its cookie is cleared; a live one shows the user's current name and email.
      const { uid, sid, sv } = token as Record<string, unknown>;
      if (typeof uid !== 'string' || typeof sid !== 'string' || typeof sv !== 'number') return null;
      const viewer = await viewerOfClaims(await getDb(), { uid, sid, sv });
      return viewer ? { ...token, name: viewer.name, email: viewer.email } : null;
    },
  },
  events: {
    async signOut(message) {
      const sid = 'token' in message ? (message.token as { sid?: unknown } | null)?.sid : undefined;
      if (typeof sid === 'string') await endSession(await getDb(), sid);
    },
  },
});

// The language kept in the profile follows the user to this browser, and stays after sign-out.
async function rememberLocale(locale: string): Promise<void> {
  (await cookies()).set(LOCALE_COOKIE, locale, { path: '/', maxAge: 365 * 24 * 60 * 60, sameSite: 'lax' });
}
