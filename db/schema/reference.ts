import { sql } from 'drizzle-orm';
import { boolean, check, date, index, integer, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { agendaEventKindEnum } from './enums';

export const timestamps = {
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
};

export const agendas = pgTable(
  'agendas',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    slug: text('slug').notNull(),
    title: text('title').notNull(),
    // ISO 3166-1 alpha-2 codes of the two parties, in the order the agenda names them.
    partyA: text('party_a').notNull(),
    partyB: text('party_b').notNull(),
    signedOn: date('signed_on').notNull(),
    place: text('place').notNull(),
    sourceTitle: text('source_title').notNull(),
    sourceDocument: text('source_document').notNull(),
    summary: text('summary').notNull().default(''),
    // Set when an administrator archives the agenda: no new commitment may join it; what it holds stays.
    archivedAt: timestamp('archived_at', { withTimezone: true }),
    ...timestamps,
  },
  (t) => [
    uniqueIndex('agendas_slug_key').on(t.slug),
    check('agendas_slug_format', sql`${t.slug} ~ '^[a-z0-9]+(-[a-z0-9]+)*$'`),
    check('agendas_party_a_format', sql`${t.partyA} ~ '^[A-Z]{2}$'`),
    check('agendas_party_b_format', sql`${t.partyB} ~ '^[A-Z]{2}$'`),
    check('agendas_distinct_parties', sql`${t.partyA} <> ${t.partyB}`),
    check('agendas_title_present', sql`length(btrim(${t.title})) > 0`),
  ],
);

export const agendaEvents = pgTable(
  'agenda_events',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    agendaId: uuid('agenda_id').notNull().references(() => agendas.id, { onDelete: 'cascade' }),
    kind: agendaEventKindEnum('kind').notNull(),
    title: text('title').notNull(),
    occursOn: date('occurs_on').notNull(),
    // A planned event (the follow-up state visit) has no fixed date yet: occurs_on is the best estimate.
    planned: boolean('planned').notNull().default(false),
    isDemo: boolean('is_demo').notNull().default(false),
    isNextReview: boolean('is_next_review').notNull().default(false),
    ...timestamps,
  },
  (t) => [
    index('agenda_events_agenda_idx').on(t.agendaId, t.occursOn),
    // At most one "next review event" per agenda.
    uniqueIndex('agenda_events_one_next_review').on(t.agendaId).where(sql`${t.isNextReview}`),
  ],
);

export const organisations = pgTable(
  'organisations',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    name: text('name').notNull(),
    shortName: text('short_name'),
    country: text('country').notNull(),
    // True when the record was invented for the demonstration rather than taken from the public record.
    isDemo: boolean('is_demo').notNull().default(false),
    ...timestamps,
  },
  (t) => [
    uniqueIndex('organisations_country_name_key').on(t.country, t.name),
    check('organisations_country_format', sql`${t.country} ~ '^[A-Z]{2}$'`),
    check('organisations_name_present', sql`length(btrim(${t.name})) > 0`),
  ],
);

export const sectors = pgTable(
  'sectors',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    slug: text('slug').notNull(),
    name: text('name').notNull(),
    colour: text('colour').notNull(),
    position: integer('position').notNull().default(0),
    // Set when an administrator archives the sector: no new commitment may use it; what it holds stays.
    archivedAt: timestamp('archived_at', { withTimezone: true }),
    ...timestamps,
  },
  (t) => [
    uniqueIndex('sectors_slug_key').on(t.slug),
    check('sectors_slug_format', sql`${t.slug} ~ '^[a-z0-9]+(-[a-z0-9]+)*$'`),
    check('sectors_colour_format', sql`${t.colour} ~ '^#[0-9a-f]{6}$'`),
  ],
);

export type Agenda = typeof agendas.$inferSelect;
export type NewAgenda = typeof agendas.$inferInsert;
export type AgendaEvent = typeof agendaEvents.$inferSelect;
export type Organisation = typeof organisations.$inferSelect;
export type Sector = typeof sectors.$inferSelect;
