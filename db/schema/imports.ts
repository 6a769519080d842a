import { sql } from 'drizzle-orm';
import { check, index, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { users } from './users';

/**
 * A spreadsheet import between its preview and its application: the rows as read from the file and
 * the plan the preview showed. Only its owner may apply it, once (the status moves from `previewed`
 * to `applied` in the same transaction as the changes), and only before it expires.
 */
export const imports = pgTable(
  'imports',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    ownerId: uuid('owner_id').notNull().references(() => users.id, { onDelete: 'cascade' }),
    fileName: text('file_name').notNull(),
    status: text('status').notNull().default('previewed'),
    /** The data rows as read from the file, one object of column -> text per row. */
    rows: jsonb('rows').notNull(),
    /** The preview: each row's action, changes and errors. */
    plan: jsonb('plan').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    appliedAt: timestamp('applied_at', { withTimezone: true }),
  },
  (t) => [
    index('imports_owner_idx').on(t.ownerId, t.createdAt),
    check('imports_status', sql`${t.status} in ('previewed', 'applied')`),
    check('imports_applied_together', sql`(${t.status} = 'applied') = (${t.appliedAt} is not null)`),
  ],
);
