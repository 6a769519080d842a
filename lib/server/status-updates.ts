import 'server-only';
import { listIndicators } from '@/db/queries/commitment-detail';
import { updateCommitmentStage } from '@/db/queries/commitment-writes';
import { databaseToday } from '@/db/queries/database';
import { insertStatusUpdate } from '@/db/queries/status-updates';
import { requestConfirmation } from '@/db/queries/confirmations';
import { needsConfirmation, partyOf, type Party } from '@/lib/domain/confirmation';
import { statusUpdateSchema } from '@/lib/domain/inputs';
import type { FieldMessages } from '@/lib/domain/messages';
import { can } from '@/lib/domain/permissions';
import { checkTransition } from '@/lib/domain/stages';
import { recordAudit } from './audit';
import { notifyOnCommitment } from './notifications/produce';
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
  party: Party | null;
  /** Whether it awaits the other side's confirmation (it claims progress) or needs none. */
  confirmation: 'awaiting' | 'not_needed';
}

/**
 * Posts a status update: the update, its readings and evidence, and the commitment's current stage
 * and health change in one transaction. The commitment row is locked first, so concurrent updates
 * to one commitment queue up: each sees the stage the previous one left, none is lost.
 */
export async function recordStatusUpdate(ctx: RequestContext, commitmentId: string, input: InputSource): Promise<RecordedUpdate> {
  // The body is read before the row is locked (it may arrive slowly); the commitment is read once,
  // locked, and answers 404, then 403, then 422 in that order, as every entry point does.
  const raw = await readInput(input);

  return ctx.db.transaction(async (tx) => {
    const current = await loadCommitment({ ...ctx, db: tx }, commitmentId, { forUpdate: true });
    const { viewer } = authorize(ctx, 'update.post', current);
    const data = parseInput(statusUpdateSchema, raw);

    const indicators = await listIndicators({ db: tx, commitmentId });
    // Readings may not be dated after the database's today; without readings there is nothing to ask.
    const today = data.readings.length ? await databaseToday({ db: tx }) : '';
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

    const party = partyOf(viewer.organisationId, current);
    const claims = needsConfirmation({
      stageBefore: current.stage, stageAfter: data.stage, healthBefore: current.health, healthAfter: data.health, readingCount: data.readings.length,
    });
    const { id: updateId, sequence: next } = await insertStatusUpdate({
      db: tx,
      update: {
        commitmentId, authorId: viewer.id, stageBefore: current.stage, stageAfter: data.stage,
        health: data.health, party, narrative: data.narrative, nextStep: data.nextStep, readings: data.readings, evidence: data.evidence,
      },
    });
    if (claims) await requestConfirmation({ db: tx, statusUpdateId: updateId, commitmentId, sequence: next });
    await updateCommitmentStage({ db: tx, id: commitmentId, stage: data.stage, health: data.health, answersDispute: claims });
    await recordAudit(tx, {
      actor: { id: viewer.id, label: viewer.email }, action: 'status_update.created', entityType: 'commitment', entityId: commitmentId,
      before: { stage: current.stage, health: current.health },
      after: { updateId, sequence: next, party, awaitsConfirmation: claims, ...data },
      sourceAddress: ctx.sourceAddress, userAgent: ctx.userAgent,
    });
    await notifyOnCommitment(
      tx,
      { type: 'update_posted', actorId: viewer.id, leads: current, authorParty: party, awaitsConfirmation: claims },
      { commitmentId, statusUpdateId: updateId, actorId: viewer.id, data: { stage: data.stage, health: data.health } },
    );
    return { id: updateId, sequence: next, stage: data.stage, health: data.health, party, confirmation: claims ? 'awaiting' : 'not_needed' };
  });
}
