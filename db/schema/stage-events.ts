import { index, integer, pgTable, primaryKey, timestamp, uuid } from 'drizzle-orm/pg-core';
import { commitments } from './commitments';
import { stageEnum } from './enums';

/**
 * The movement chart's source: one row when a commitment is created (entering intent) and one per
 * status update that changes its stage, with the commitment's agenda and sector beside it. Derived
 * data, written only by triggers in the same transaction as the rows it follows (migration 0005):
 * inserting a commitment or a status update, or moving a commitment to another agenda, sector or
 * creation time. The dashboard's movement and recent-moves charts read a few narrow rows per
 * commitment from one index, with no join.
 */
export const stageEvents = pgTable(
  'stage_events',
  {
    commitmentId: uuid('commitment_id').notNull().references(() => commitments.id, { onDelete: 'cascade' }),
    /** 0 for the creation, else the status update's sequence. */
    sequence: integer('sequence').notNull(),
    agendaId: uuid('agenda_id').notNull(),
    sectorId: uuid('sector_id').notNull(),
    /** When it took effect: the update's time, or the commitment's creation if that is later. */
    at: timestamp('at', { withTimezone: true }).notNull(),
    /** The UTC midnight at or after `at`, in days since 1970-01-01: the chart's points fall on midnights. */
    dayEnd: integer('day_end').notNull(),
    /** The stage it left (none on creation) and the one it entered. */
    leftStage: stageEnum('left_stage'),
    enteredStage: stageEnum('entered_stage').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.commitmentId, t.sequence] }),
    // By agenda and time: the movement chart (day, stages) and the recent moves (sector, commitment),
    // both index-only.
    index('stage_events_agenda_idx').on(t.agendaId, t.at, t.dayEnd, t.leftStage, t.enteredStage, t.sectorId, t.commitmentId),
    index('stage_events_agenda_sector_idx').on(t.agendaId, t.sectorId, t.at, t.dayEnd, t.leftStage, t.enteredStage, t.commitmentId),
  ],
);
