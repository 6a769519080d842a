import 'server-only';
import { listAuditEvents as queryAuditEvents } from '@/db/queries/audit';
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
  const events = await queryAuditEvents({ db, actionPrefix: filter.action, limit: AUDIT_PAGE_SIZE });
  return { filter, events };
}
