import { sql } from 'drizzle-orm';
import { check, customType, date, index, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { agendas, timestamps } from './reference';
import { users } from './users';

const bytea = customType<{ data: Uint8Array; driverData: Uint8Array }>({ dataType: () => 'bytea' });

/**
 * A named review point of an agenda (the signing is its start and needs no row). Holding it freezes
 * the briefing as at its date: the data (`briefing`) and the PDF made from it, with who and when. A
 * trigger (migration) refuses any change to a held review, so the frozen record never moves.
 */
export const reviews = pgTable(
  'reviews',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    agendaId: uuid('agenda_id').notNull().references(() => agendas.id, { onDelete: 'restrict' }),
    name: text('name').notNull(),
    reviewOn: date('review_on').notNull(),
    heldAt: timestamp('held_at', { withTimezone: true }),
    heldById: uuid('held_by_id').references(() => users.id, { onDelete: 'restrict' }),
    /** The briefing as at review_on (from the previous held review or the signing), as the API returns it. */
    briefing: jsonb('briefing'),
    pdf: bytea('pdf'),
    createdById: uuid('created_by_id').references(() => users.id, { onDelete: 'restrict' }),
    ...timestamps,
  },
  (t) => [
    index('reviews_agenda_idx').on(t.agendaId, t.reviewOn),
    check('reviews_name_length', sql`length(btrim(${t.name})) BETWEEN 1 AND 200`),
    check(
      'reviews_held_together',
      sql`(${t.heldAt} is null) = (${t.heldById} is null) and (${t.heldAt} is null) = (${t.briefing} is null) and (${t.heldAt} is null) = (${t.pdf} is null)`,
    ),
  ],
);

export type Review = typeof reviews.$inferSelect;
