import 'server-only';
import { sql } from 'drizzle-orm';
import type { Database } from '@/db/connect';
import { selectRows } from '@/db/rows';
import type { Role } from '@/lib/domain/roles';
import { recordAudit } from './audit';
import { readSessionClaims } from './session-token';

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
  sessionId: string;
}

interface ViewerRow {
  id: string;
  email: string;
  name: string;
  role: Role;
  organisation_id: string | null;
  organisation_name: string | null;
  organisation_country: string | null;
  stale_touch: boolean;
}

/**
 * The signed-in user behind a Cookie header, checked against the database on every call: the
 * session must be open, not idle for 8 hours, within its 7-day lifetime, and carry the user's
 * current session version; the user must not be disabled. Anything else is nobody.
 */
export async function resolveViewer(db: Database, cookieHeader: string | null, secret: string | undefined): Promise<Viewer | null> {
  const claims = await readSessionClaims(cookieHeader, secret);
  if (!claims) return null;
  const [row] = await selectRows<ViewerRow>(
    db,
    sql`select u.id, u.email, u.name, u.role, u.organisation_id, o.name as organisation_name, o.country as organisation_country,
               s.last_seen_at < now() - make_interval(secs => ${TOUCH_AFTER_SECONDS}) as stale_touch
          from user_sessions s
          join users u on u.id = s.user_id
          left join organisations o on o.id = u.organisation_id
         where s.id = ${claims.sid} and u.id = ${claims.uid}
           and s.revoked_at is null and s.expires_at > now()
           and s.last_seen_at > now() - make_interval(hours => ${IDLE_TIMEOUT_HOURS})
           and u.disabled_at is null and u.session_version = ${claims.sv}`,
  );
  if (!row) return null;
  if (row.stale_touch) await db.execute(sql`update user_sessions set last_seen_at = now() where id = ${claims.sid}`);
  return {
    id: row.id,
    email: row.email,
    name: row.name,
    role: row.role,
    organisationId: row.organisation_id,
    organisationName: row.organisation_name,
    organisationCountry: row.organisation_country,
    sessionId: claims.sid,
  };
}

/** Ends one session (sign-out) and records it. */
export async function endSession(db: Database, sessionId: string): Promise<void> {
  await db.transaction(async (tx) => {
    const [ended] = await selectRows<{ user_id: string; email: string }>(
      tx,
      sql`update user_sessions s set revoked_at = now() from users u
           where s.id = ${sessionId} and s.revoked_at is null and u.id = s.user_id
       returning s.user_id, u.email`,
    );
    if (!ended) return;
    await recordAudit(tx, {
      actor: { id: ended.user_id, label: ended.email }, action: 'auth.signed_out', entityType: 'session', entityId: sessionId,
    });
  });
}
