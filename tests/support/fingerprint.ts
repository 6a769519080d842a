import { sql } from 'drizzle-orm';
import type { Database } from '../../db/connect';
import { selectRows } from '../../db/rows';

const TABLES = [
  'agendas', 'agenda_events', 'organisations', 'sectors', 'users', 'commitments', 'indicators', 'status_updates',
  'indicator_readings', 'evidence_links', 'comments', 'audit_events', 'sign_in_attempts', 'imports',
  'notifications', 'notification_preferences', 'commitment_watches', 'job_outbox',
];

/**
 * A digest of every row of every table, to prove a refused call changed nothing. Sessions are
 * compared without last_seen_at, which reading pages legitimately moves forward, and API tokens
 * without their last use, which reading with them moves.
 */
export async function fingerprint(db: Database): Promise<Record<string, string>> {
  const parts = [
    ...TABLES.map((t) => sql`select ${t} as name, count(*)::text || ':' || coalesce(md5(string_agg(t::text, '|' order by t::text)), '') as digest from ${sql.identifier(t)} t`),
    sql`select 'user_sessions' as name, count(*)::text || ':' || coalesce(md5(string_agg(concat_ws(',', id, user_id, created_at, expires_at, revoked_at), '|' order by id)), '') as digest from user_sessions`,
    sql`select 'api_tokens' as name, count(*)::text || ':' || coalesce(md5(string_agg(concat_ws(',', id, user_id, name, scope, token_hash, expires_at, revoked_at), '|' order by id)), '') as digest from api_tokens`,
  ];
  const rows = await selectRows<{ name: string; digest: string }>(db, sql.join(parts, sql` union all `));
  return Object.fromEntries(rows.map((r) => [r.name, r.digest]));
}
