import 'server-only';
import type { Database } from '@/db/connect';
import { insertAuditEvent } from '@/db/queries/audit';

export interface AuditActor {
  id: string | null;
  label: string;
}

export interface AuditEntry {
  actor: AuditActor;
  action: string;
  entityType: string;
  entityId?: string | null;
  before?: unknown;
  after?: unknown;
  sourceAddress?: string | null;
  userAgent?: string | null;
}

/** Writes one audit event, inside the caller's transaction so it lands with the change or not at all. */
export async function recordAudit(tx: Database, entry: AuditEntry): Promise<void> {
  await insertAuditEvent({
    db: tx,
    event: {
      actorId: entry.actor.id,
      actorLabel: entry.actor.label,
      action: entry.action,
      entityType: entry.entityType,
      entityId: entry.entityId ?? null,
      before: entry.before ?? null,
      after: entry.after ?? null,
      sourceAddress: entry.sourceAddress ?? null,
      userAgent: entry.userAgent?.slice(0, 512) ?? null,
    },
  });
}
