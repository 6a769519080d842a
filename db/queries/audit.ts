import 'server-only';
import { desc, like } from 'drizzle-orm';
import type { Database } from '../connect';
import { auditEvents } from '../schema';

type NewAuditEvent = Omit<typeof auditEvents.$inferInsert, 'id' | 'at'>;

/** One audit event, written by whatever transaction `db` is. */
export async function insertAuditEvent({ db, event }: { db: Database; event: NewAuditEvent }): Promise<void> {
  await db.insert(auditEvents).values(event);
}

/** The latest `limit` audit events, newest first; with `actionPrefix`, only actions that start with it. */
export function listAuditEvents({ db, actionPrefix, limit }: { db: Database; actionPrefix: string; limit: number }) {
  // "_" is a LIKE wildcard and common in action names ("sign_in"): matched literally here.
  const pattern = `${actionPrefix.replace(/[\\%_]/g, (ch) => `\\${ch}`)}%`;
  return db
    .select({
      id: auditEvents.id, at: auditEvents.at, actorId: auditEvents.actorId, actorLabel: auditEvents.actorLabel,
      action: auditEvents.action, entityType: auditEvents.entityType, entityId: auditEvents.entityId,
      sourceAddress: auditEvents.sourceAddress, before: auditEvents.before, after: auditEvents.after,
    })
    .from(auditEvents)
    .where(actionPrefix ? like(auditEvents.action, pattern) : undefined)
    .orderBy(desc(auditEvents.at), desc(auditEvents.id))
    .limit(limit);
}
