import 'server-only';
import { sql } from 'drizzle-orm';
import { listIndicators } from '@/db/queries/commitment-detail';
import { getCommitmentRow } from '@/db/queries/commitments';
import { selectRows } from '@/db/rows';
import { evidenceLinks, indicatorReadings, statusUpdates } from '@/db/schema';
import { statusUpdateSchema } from '@/lib/domain/inputs';
import type { FieldMessages } from '@/lib/domain/messages';
import { can } from '@/lib/domain/permissions';
import { checkTransition } from '@/lib/domain/stages';
import { recordAudit } from './audit';
import { loadCommitment } from './commitments';
import type { RequestContext } from './context';
import { AppError, invalid } from './errors';
import { authorize } from './guard';
import { type InputSource, parseInput, readInput } from './input';

export interface RecordedUpdate {
  id: string;
  sequence: number;
  stage: string;
  health: string;
}

/**
 * Posts a status update: the update, its readings and evidence, and the commitment's current stage
 * and health change in one transaction. The commitment row is locked first, so concurrent updates
 * to one commitment queue up: each sees the stage the previous one left, none is lost.
 */
export async function recordStatusUpdate(ctx: RequestContext, commitmentId: string, input: InputSource): Promise<RecordedUpdate> {
  const seen = await loadCommitment(ctx, commitmentId);
  const { viewer } = authorize(ctx, 'update.post', seen);
  const data = parseInput(statusUpdateSchema, await readInput(input));

  return ctx.db.transaction(async (tx) => {
    const current = await getCommitmentRow({ db: tx, id: commitmentId, forUpdate: true });
    if (!current) throw new AppError('not_found', { key: 'problem.noCommitment' });
    if (!can(viewer, 'update.post', current)) throw new AppError('forbidden', { key: 'problem.forbiddenLead' });

    const indicators = await listIndicators({ db: tx, commitmentId });
    const [{ today }] = (await selectRows<{ today: string }>(tx, sql`select ((now() at time zone 'UTC')::date)::text as today`)) as [{ today: string }];
    const future = data.readings.findIndex((r) => r.asOf > today);
    if (future >= 0) {
      throw invalid({ [`readings.${future}.asOf`]: [{ key: 'validation.readingInFuture' }] });
    }
    const verdict = checkTransition({
      from: current.stage,
      to: data.stage,
      narrative: data.narrative,
      evidence: data.evidence,
      readings: data.readings,
      indicators,
      mayReopen: can(viewer, 'commitment.reopen'),
    });
    if (!verdict.ok) {
      const fields: FieldMessages = {};
      for (const problem of verdict.problems) (fields[problem.field ?? 'stage'] ??= []).push(problem.message);
      throw new AppError('invalid', { key: 'problem.stageRules' }, fields);
    }

    const [{ next }] = (await selectRows<{ next: number }>(
      tx,
      sql`select coalesce(max(sequence), 0)::int + 1 as next from status_updates where commitment_id = ${commitmentId}`,
    )) as [{ next: number }];
    const [update] = await tx
      .insert(statusUpdates)
      .values({
        commitmentId, sequence: next, authorId: viewer.id, stageBefore: current.stage, stageAfter: data.stage,
        health: data.health, narrative: data.narrative, nextStep: data.nextStep,
      })
      .returning({ id: statusUpdates.id });
    if (data.readings.length) {
      await tx.insert(indicatorReadings).values(data.readings.map((r) => ({ statusUpdateId: update!.id, ...r })));
    }
    if (data.evidence.length) {
      await tx.insert(evidenceLinks).values(data.evidence.map((url, position) => ({ statusUpdateId: update!.id, url, position })));
    }
    // now() is the transaction's start, the same instant the update row took as its created_at.
    await tx.execute(sql`update commitments set stage = ${data.stage}, health = ${data.health},
                           last_update_at = now(), updated_at = now() where id = ${commitmentId}`);
    await recordAudit(tx, {
      actor: { id: viewer.id, label: viewer.email }, action: 'status_update.created', entityType: 'commitment', entityId: commitmentId,
      before: { stage: current.stage, health: current.health },
      after: { updateId: update!.id, sequence: next, ...data },
      sourceAddress: ctx.sourceAddress, userAgent: ctx.userAgent,
    });
    return { id: update!.id, sequence: next, stage: data.stage, health: data.health };
  });
}
