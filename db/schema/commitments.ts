import { sql } from 'drizzle-orm';
import {
  boolean, check, date, doublePrecision, index, integer, pgTable, text, timestamp, uniqueIndex, uuid,
} from 'drizzle-orm/pg-core';
import { directionEnum, healthEnum, stageEnum } from './enums';
import { agendas, organisations, sectors, timestamps } from './reference';
import { users } from './users';

export const commitments = pgTable(
  'commitments',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    agendaId: uuid('agenda_id').notNull().references(() => agendas.id, { onDelete: 'restrict' }),
    sectorId: uuid('sector_id').notNull().references(() => sectors.id, { onDelete: 'restrict' }),
    // Short human reference used in meetings ("ISB-07"), unique within its agenda.
    reference: text('reference').notNull(),
    title: text('title').notNull(),
    description: text('description').notNull().default(''),
    sourcePassage: text('source_passage').notNull(),
    // One lead organisation for each party of the agenda (party A, party B).
    leadOrgAId: uuid('lead_org_a_id').notNull().references(() => organisations.id, { onDelete: 'restrict' }),
    leadOrgBId: uuid('lead_org_b_id').notNull().references(() => organisations.id, { onDelete: 'restrict' }),
    dueDate: date('due_date'),
    stage: stageEnum('stage').notNull().default('intent'),
    health: healthEnum('health').notNull().default('on_track'),
    // The confirmed view: the stage and health of the latest update the other side confirmed (every
    // update states both), else the creation's intent and on track. Kept by confirmed_stage_refresh (migration
    // of update_confirmations) in the transaction of each decision.
    confirmedStage: stageEnum('confirmed_stage').notNull().default('intent'),
    confirmedHealth: healthEnum('confirmed_health').notNull().default('on_track'),
    // Its latest claim is disputed and no later update has answered it (kept with the decisions, and
    // cleared by the next claim's insert).
    openDispute: boolean('open_dispute').notNull().default(false),
    version: integer('version').notNull().default(1),
    lastUpdateAt: timestamp('last_update_at', { withTimezone: true }),
    createdById: uuid('created_by_id').references(() => users.id, { onDelete: 'restrict' }),
    ...timestamps,
  },
  (t) => [
    uniqueIndex('commitments_agenda_reference_key').on(t.agendaId, t.reference),
    index('commitments_agenda_sector_stage_idx').on(t.agendaId, t.sectorId, t.stage),
    index('commitments_agenda_sector_confirmed_idx').on(t.agendaId, t.sectorId, t.confirmedStage),
    index('commitments_open_dispute_idx').on(t.agendaId, t.sectorId).where(sql`${t.openDispute}`),
    index('commitments_lead_org_a_idx').on(t.leadOrgAId),
    index('commitments_lead_org_b_idx').on(t.leadOrgBId),
    index('commitments_due_date_idx').on(t.dueDate),
    // The dashboard's overdue list: one agenda's commitments past due, without reading the other agendas'.
    index('commitments_agenda_due_date_idx').on(t.agendaId, t.dueDate),
    index('commitments_last_update_idx').on(t.lastUpdateAt),
    check('commitments_title_length', sql`length(btrim(${t.title})) BETWEEN 1 AND 300`),
    check('commitments_source_present', sql`length(btrim(${t.sourcePassage})) > 0`),
    check('commitments_distinct_leads', sql`${t.leadOrgAId} <> ${t.leadOrgBId}`),
    check('commitments_version_positive', sql`${t.version} >= 1`),
  ],
);

export const indicators = pgTable(
  'indicators',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    commitmentId: uuid('commitment_id').notNull().references(() => commitments.id, { onDelete: 'restrict' }),
    name: text('name').notNull(),
    unit: text('unit').notNull(),
    baselineValue: doublePrecision('baseline_value').notNull(),
    baselineDate: date('baseline_date').notNull(),
    targetValue: doublePrecision('target_value').notNull(),
    targetDate: date('target_date').notNull(),
    direction: directionEnum('direction').notNull(),
    position: integer('position').notNull().default(0),
    isDemo: boolean('is_demo').notNull().default(false),
    ...timestamps,
  },
  (t) => [
    index('indicators_commitment_idx').on(t.commitmentId, t.position),
    check('indicators_finite_values', sql`${t.baselineValue} NOT IN ('NaN', 'Infinity', '-Infinity') AND ${t.targetValue} NOT IN ('NaN', 'Infinity', '-Infinity')`),
    // The target must lie on the better side of the baseline, or no reading could ever "meet" it sensibly.
    check(
      'indicators_target_beyond_baseline',
      sql`(${t.direction} = 'higher_is_better' AND ${t.targetValue} > ${t.baselineValue}) OR (${t.direction} = 'lower_is_better' AND ${t.targetValue} < ${t.baselineValue})`,
    ),
    check('indicators_target_after_baseline', sql`${t.targetDate} >= ${t.baselineDate}`),
  ],
);

export type Commitment = typeof commitments.$inferSelect;
export type NewCommitment = typeof commitments.$inferInsert;
export type Indicator = typeof indicators.$inferSelect;
