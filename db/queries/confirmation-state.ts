import 'server-only';
import { type SQL, sql } from 'drizzle-orm';
import type { ConfirmationFilter } from '@/lib/domain/confirmation';

// A commitment's confirmation state in SQL, for the commitment alias `c`: the awaiting rows from the
// partial index of update_confirmations, the open dispute from the commitment's own row.

/** How many of its updates await the other side. */
export const AWAITING_COUNT_SQL = sql`(select count(*)::int from update_confirmations k where k.commitment_id = c.id and k.decision is null)`;

const HAS_AWAITING = sql`exists (select 1 from update_confirmations k where k.commitment_id = c.id and k.decision is null)`;

/**
 * A dispute is open until a later update claims progress again (and so awaits the other side in
 * turn): kept on the commitment by the decisions' and the claims' transactions.
 */
export const OPEN_DISPUTE_SQL = sql`c.open_dispute`;

export function confirmationFilterSql(filter: ConfirmationFilter): SQL {
  if (filter === 'awaiting') return HAS_AWAITING;
  if (filter === 'disputed') return OPEN_DISPUTE_SQL;
  return sql`not ${HAS_AWAITING} and not ${OPEN_DISPUTE_SQL}`;
}
