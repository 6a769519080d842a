import 'server-only';
import type { Database } from '@/db/connect';
import { findSessionViewer, revokeSession, touchSession } from '@/db/queries/sessions';
import { isLocale, type Locale } from '@/i18n/config';
import type { Role } from '@/lib/domain/roles';
import { recordAudit } from './audit';
import { readSessionClaims, type SessionClaims } from './session-token';

const IDLE_TIMEOUT_HOURS = 8;
// Writing last_seen_at on every request would turn every read into a write; a minute is precise enough.
const TOUCH_AFTER_SECONDS = 60;

/** A user as the app shows them: who, in which role, for which organisation. */
export interface UserIdentity {
  id: string;
  email: string;
  name: string;
  role: Role;
  organisationId: string | null;
  organisationName: string | null;
  organisationCountry: string | null;
}

export interface Viewer extends UserIdentity {
  /** The browser session asking; null for a request made with an API token. */
  sessionId: string | null;
  /** The language chosen in the profile, if any. */
  locale: Locale | null;
}

/** A viewer found by their browser session. */
interface SessionViewer extends Viewer {
  sessionId: string;
}

/**
 * The signed-in user behind a Cookie header, checked against the database on every call: the
 * session must be open, not idle for 8 hours, within its 7-day lifetime, and carry the user's
 * current session version; the user must not be disabled. Anything else is nobody.
 */
export async function resolveViewer(db: Database, cookieHeader: string | null, secret: string | undefined): Promise<SessionViewer | null> {
  const claims = await readSessionClaims(cookieHeader, secret);
  return claims ? viewerOfClaims(db, claims) : null;
}

/** The same check for a session token already read (next-auth's own session endpoint). */
export async function viewerOfClaims(db: Database, claims: SessionClaims): Promise<SessionViewer | null> {
  const row = await findSessionViewer({
    db, sessionId: claims.sid, userId: claims.uid, sessionVersion: claims.sv, idleHours: IDLE_TIMEOUT_HOURS, touchAfterSeconds: TOUCH_AFTER_SECONDS,
  });
  if (!row) return null;
  const { staleTouch, locale, ...identity } = row;
  if (staleTouch) await touchSession({ db, sessionId: claims.sid });
  return { ...identity, locale: isLocale(locale) ? locale : null, sessionId: claims.sid };
}

/** Ends one session (sign-out) and records it. */
export async function endSession(db: Database, sessionId: string): Promise<void> {
  await db.transaction(async (tx) => {
    const ended = await revokeSession({ db: tx, sessionId });
    if (!ended) return;
    await recordAudit(tx, {
      actor: { id: ended.userId, label: ended.email }, action: 'auth.signed_out', entityType: 'session', entityId: sessionId,
    });
  });
}
