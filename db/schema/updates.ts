import { sql } from 'drizzle-orm';
import { boolean, check, date, doublePrecision, index, integer, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { commitments, indicators } from './commitments';
import { healthEnum, stageEnum } from './enums';
import { users } from './users';

// Append-only: a trigger in the migrations refuses UPDATE and DELETE on these three tables.
export const statusUpdates = pgTable(
  'status_updates',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    commitmentId: uuid('commitment_id').notNull().references(() => commitments.id, { onDelete: 'restrict' }),
    // Position in the commitment's timeline: serialised writers take the next number.
    sequence: integer('sequence').notNull(),
    authorId: uuid('author_id').notNull().references(() => users.id, { onDelete: 'restrict' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    stageBefore: stageEnum('stage_before').notNull(),
    stageAfter: stageEnum('stage_after').notNull(),
    health: healthEnum('health').notNull(),
    // The agenda party the author spoke for ('a' or 'b': the lead organisation the author belongs to);
    // null when the author leads neither side (an administrator).
    party: text('party'),
    narrative: text('narrative').notNull().default(''),
    nextStep: text('next_step').notNull().default(''),
    isDemo: boolean('is_demo').notNull().default(false),
  },
  (t) => [
    uniqueIndex('status_updates_commitment_sequence_key').on(t.commitmentId, t.sequence),
    index('status_updates_created_at_idx').on(t.createdAt),
    index('status_updates_author_idx').on(t.authorId),
    // The dashboard's movement and recent-moves charts read stage_events (db/schema/stage-events.ts).
    // "Does this agenda show demo data?" answers from this (empty on real data) instead of a scan.
    index('status_updates_demo_idx').on(t.commitmentId).where(sql`${t.isDemo}`),
    check('status_updates_party', sql`${t.party} is null or ${t.party} in ('a', 'b')`),
    check('status_updates_sequence_positive', sql`${t.sequence} >= 1`),
    check('status_updates_narrative_length', sql`length(${t.narrative}) <= 10000`),
    check('status_updates_next_step_length', sql`length(${t.nextStep}) <= 2000`),
  ],
);

export const indicatorReadings = pgTable(
  'indicator_readings',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    statusUpdateId: uuid('status_update_id').notNull().references(() => statusUpdates.id, { onDelete: 'restrict' }),
    indicatorId: uuid('indicator_id').notNull().references(() => indicators.id, { onDelete: 'restrict' }),
    value: doublePrecision('value').notNull(),
    asOf: date('as_of').notNull(),
  },
  (t) => [
    uniqueIndex('indicator_readings_update_indicator_key').on(t.statusUpdateId, t.indicatorId),
    index('indicator_readings_indicator_idx').on(t.indicatorId, t.asOf),
    check('indicator_readings_finite', sql`${t.value} NOT IN ('NaN', 'Infinity', '-Infinity')`),
  ],
);

export const evidenceLinks = pgTable(
  'evidence_links',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    statusUpdateId: uuid('status_update_id').notNull().references(() => statusUpdates.id, { onDelete: 'restrict' }),
    url: text('url').notNull(),
    position: integer('position').notNull().default(0),
  },
  (t) => [
    index('evidence_links_update_idx').on(t.statusUpdateId, t.position),
    check('evidence_links_scheme', sql`${t.url} ~* '^https?://[^[:space:]]+$' AND length(${t.url}) <= 2048`),
  ],
);

export type StatusUpdate = typeof statusUpdates.$inferSelect;
export type IndicatorReading = typeof indicatorReadings.$inferSelect;
export type EvidenceLink = typeof evidenceLinks.$inferSelect;
