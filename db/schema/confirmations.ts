import { sql } from 'drizzle-orm';
import { check, index, integer, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { commitments } from './commitments';
import { stageEnum } from './enums';
import { statusUpdates } from './updates';
import { users } from './users';

/**
 * The other party's decision on a status update that claims progress (a stage or health change or an
 * indicator reading): one row per such update, written with it and awaiting (decision null) until a
 * staff member of the counterpart lead organisation confirms or disputes it. A decision is final: the
 * service sets it with a conditional UPDATE (`where decision is null`), so of two decisions at the same
 * moment exactly one lands. Updates that need no confirmation have no row.
 */
export const updateConfirmations = pgTable(
  'update_confirmations',
  {
    statusUpdateId: uuid('status_update_id').primaryKey().references(() => statusUpdates.id, { onDelete: 'restrict' }),
    commitmentId: uuid('commitment_id').notNull().references(() => commitments.id, { onDelete: 'restrict' }),
    /** The update's sequence and time, copied so that awaiting and disputed figures read this table alone. */
    sequence: integer('sequence').notNull(),
    requestedAt: timestamp('requested_at', { withTimezone: true }).notNull(),
    decision: text('decision'),
    decidedById: uuid('decided_by_id').references(() => users.id, { onDelete: 'restrict' }),
    decidedAt: timestamp('decided_at', { withTimezone: true }),
    note: text('note'),
  },
  (t) => [
    index('update_confirmations_commitment_idx').on(t.commitmentId, t.sequence),
    index('update_confirmations_awaiting_idx').on(t.commitmentId, t.requestedAt).where(sql`${t.decision} is null`),
    index('update_confirmations_disputed_idx').on(t.commitmentId, t.sequence).where(sql`${t.decision} = 'disputed'`),
    check('update_confirmations_decision', sql`${t.decision} is null or ${t.decision} in ('confirmed', 'disputed')`),
    check(
      'update_confirmations_decided_together',
      sql`(${t.decision} is null) = (${t.decidedById} is null) and (${t.decision} is null) = (${t.decidedAt} is null)`,
    ),
    check('update_confirmations_dispute_note', sql`${t.decision} is distinct from 'disputed' or length(btrim(${t.note})) >= 15`),
    check('update_confirmations_note_length', sql`${t.note} is null or length(${t.note}) <= 5000`),
  ],
);

/**
 * The confirmed view's movement source, shaped like stage_events: the creation (entering intent) and
 * each change of a commitment's confirmed stage, at the moment of the decision that made it. Derived
 * data, written only by the database functions of the confirmation migration (confirmed_stage_refresh
 * and triggers), in the same transaction as the decisions it follows.
 */
export const confirmedStageEvents = pgTable(
  'confirmed_stage_events',
  {
    commitmentId: uuid('commitment_id').notNull().references(() => commitments.id, { onDelete: 'cascade' }),
    /** 0 for the creation, else the confirmed update's sequence. */
    sequence: integer('sequence').notNull(),
    agendaId: uuid('agenda_id').notNull(),
    sectorId: uuid('sector_id').notNull(),
    at: timestamp('at', { withTimezone: true }).notNull(),
    dayEnd: integer('day_end').notNull(),
    leftStage: stageEnum('left_stage'),
    enteredStage: stageEnum('entered_stage').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.commitmentId, t.sequence] }),
    index('confirmed_stage_events_agenda_idx').on(t.agendaId, t.at, t.dayEnd, t.leftStage, t.enteredStage, t.sectorId, t.commitmentId),
    index('confirmed_stage_events_agenda_sector_idx').on(t.agendaId, t.sectorId, t.at, t.dayEnd, t.leftStage, t.enteredStage, t.commitmentId),
  ],
);

export type UpdateConfirmation = typeof updateConfirmations.$inferSelect;
