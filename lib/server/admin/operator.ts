import 'server-only';
import type { AuditActor } from '../audit';
import type { SignedInContext } from '../guard';

/** Who performs an administrative change, and from where: what its audit event records. */
export interface Operator {
  actor: AuditActor;
  sourceAddress: string | null;
  userAgent: string | null;
}

export function operatorOf(ctx: SignedInContext): Operator {
  return { actor: { id: ctx.viewer.id, label: ctx.viewer.email }, sourceAddress: ctx.sourceAddress, userAgent: ctx.userAgent };
}

/** An operator at the server's command line (npm run user:create): trusted by having the database. */
export function systemOperator(tool: string): Operator {
  return { actor: { id: null, label: 'system' }, sourceAddress: null, userAgent: tool };
}
