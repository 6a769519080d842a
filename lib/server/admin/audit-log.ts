import 'server-only';
import { desc, like } from 'drizzle-orm';
import { auditEvents } from '@/db/schema';
import type { RequestContext } from '../context';
import { authorize } from '../guard';
import { parseInput } from '../input';
import { auditFilterSchema } from './schemas';

export const AUDIT_PAGE_SIZE = 100;

interface AuditFilter {
  /** Only actions starting with this ("user.", "auth.sign_in"); '' for all. */
  action: string;
}

/** The latest audit events, newest first, optionally those whose action starts with a prefix. */
export async function listAuditEvents(ctx: RequestContext, raw: unknown) {
  const { db } = authorize(ctx, 'audit.read');
  const filter: AuditFilter = parseInput(auditFilterSchema, raw);
  // "_" is a LIKE wildcard and common in action names ("sign_in"): matched literally here.
  const pattern = `${filter.action.replace(/[\\%_]/g, (ch) => `\\${ch}`)}%`;
  const events = await db
    .select({
      id: auditEvents.id, at: auditEvents.at, actorId: auditEvents.actorId, actorLabel: auditEvents.actorLabel,
      action: auditEvents.action, entityType: auditEvents.entityType, entityId: auditEvents.entityId,
      sourceAddress: auditEvents.sourceAddress, before: auditEvents.before, after: auditEvents.after,
    })
    .from(auditEvents)
    .where(filter.action ? like(auditEvents.action, pattern) : undefined)
    .orderBy(desc(auditEvents.at), desc(auditEvents.id))
    .limit(AUDIT_PAGE_SIZE);
  return { filter, events };
}

