import 'server-only';
import { sql } from 'drizzle-orm';
import type { Health, Stage } from '@/lib/domain/stages';
import type { Database } from '../connect';
import { selectRows } from '../rows';
import { updateConfirmations } from '../schema';

/**
 * Re-derives the confirmed view (confirmed stage and health, confirmed_stage_events) of the given
 * commitments, or of all of them, from their decisions: the SQL function of the confirmations migration.
 */
export async function refreshConfirmedStage({ db, commitmentIds }: { db: Database; commitmentIds: readonly string[] | 'all' }): Promise<void> {
  if (commitmentIds === 'all') {
    await db.execute(sql`select confirmed_stage_refresh(array_agg(id)) from commitments`);
  } else if (commitmentIds.length) {
    await db.execute(sql`select confirmed_stage_refresh(${`{${commitmentIds.join(',')}}`}::uuid[])`);
  }
}

/**
 * Marks a new update as awaiting the other side's decision. Call in the transaction that inserts it,
 * holding the commitment's row; the new claim also answers an open dispute, whichever side posts it
 * (updateCommitmentStage with `answersDispute`).
 */
export async function requestConfirmation({
  db, statusUpdateId, commitmentId, sequence,
}: { db: Database; statusUpdateId: string; commitmentId: string; sequence: number }): Promise<void> {
  await db.insert(updateConfirmations).values({ statusUpdateId, commitmentId, sequence, requestedAt: sql`now()` });
}

export interface UpdateForDecision {
  id: string;
  commitmentId: string;
  sequence: number;
  authorId: string;
  party: 'a' | 'b' | null;
  /** False when the update needs no confirmation (no row). */
  claims: boolean;
  decision: 'confirmed' | 'disputed' | null;
}

/** The update with what deciding on it needs; undefined when there is no such update. */
export async function getUpdateForDecision({ db, id }: { db: Database; id: string }): Promise<UpdateForDecision | undefined> {
  const [row] = await selectRows<UpdateForDecision>(
    db,
    sql`select u.id, u.commitment_id as "commitmentId", u.sequence, u.author_id as "authorId", u.party,
               (k.status_update_id is not null) as claims, k.decision
          from status_updates u left join update_confirmations k on k.status_update_id = u.id
         where u.id = ${id}`,
  );
  return row;
}

/**
 * Records the decision if the update still awaits one, in one conditional statement: of two decisions
 * at the same moment exactly one matches `decision is null`. Returns whether this one did.
 */
export async function decideConfirmation({
  db, statusUpdateId, decision, decidedById, note,
}: { db: Database; statusUpdateId: string; decision: 'confirmed' | 'disputed'; decidedById: string; note: string | null }): Promise<boolean> {
  const rows = await selectRows<{ id: string }>(
    db,
    sql`update update_confirmations
           set decision = ${decision}, decided_by_id = ${decidedById}, decided_at = now(), note = ${note}
         where status_update_id = ${statusUpdateId} and decision is null
     returning status_update_id as id`,
  );
  return rows.length > 0;
}

export interface AwaitingDecision {
  id: string;
  commitmentId: string;
  reference: string;
  title: string;
  sequence: number;
  createdAt: Date;
  stageBefore: Stage;
  stageAfter: Stage;
  health: Health;
  narrative: string;
  authorName: string;
  authorOrganisation: string | null;
  party: 'a' | 'b' | null;
  isDemo: boolean;
}

/**
 * The updates awaiting a decision that staff of `organisationId` may take: the other side's updates
 * on commitments it leads (and those of authors who spoke for neither side), the oldest first.
 */
export function listAwaitingDecisionBy({ db, organisationId, limit = 200 }: { db: Database; organisationId: string; limit?: number }) {
  return selectRows<AwaitingDecision>(
    db,
    sql`select u.id, u.commitment_id as "commitmentId", c.reference, c.title, u.sequence, u.created_at as "createdAt",
               u.stage_before as "stageBefore", u.stage_after as "stageAfter", u.health, u.narrative,
               au.name as "authorName", o.name as "authorOrganisation", u.party, u.is_demo as "isDemo"
          from commitments c
          join update_confirmations k on k.commitment_id = c.id and k.decision is null
          join status_updates u on u.id = k.status_update_id
          join users au on au.id = u.author_id
          left join organisations o on o.id = au.organisation_id
         where (c.lead_org_a_id = ${organisationId} and u.party is distinct from 'a')
            or (c.lead_org_b_id = ${organisationId} and u.party is distinct from 'b')
         order by k.requested_at, c.reference
         limit ${limit}`,
  );
}
