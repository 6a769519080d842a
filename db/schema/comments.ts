import { sql } from 'drizzle-orm';
import { type AnyPgColumn, boolean, check, index, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { commitments } from './commitments';
import { statusUpdates } from './updates';
import { users } from './users';

export const comments = pgTable(
  'comments',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    commitmentId: uuid('commitment_id').notNull().references(() => commitments.id, { onDelete: 'restrict' }),
    statusUpdateId: uuid('status_update_id').references(() => statusUpdates.id, { onDelete: 'restrict' }),
    parentId: uuid('parent_id').references((): AnyPgColumn => comments.id, { onDelete: 'restrict' }),
    authorId: uuid('author_id').notNull().references(() => users.id, { onDelete: 'restrict' }),
    body: text('body').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    resolvedAt: timestamp('resolved_at', { withTimezone: true }),
    resolvedById: uuid('resolved_by_id').references(() => users.id, { onDelete: 'restrict' }),
    isDemo: boolean('is_demo').notNull().default(false),
  },
  (t) => [
    index('comments_commitment_idx').on(t.commitmentId, t.createdAt),
    index('comments_update_idx').on(t.statusUpdateId),
    index('comments_parent_idx').on(t.parentId),
    check('comments_body_length', sql`length(btrim(${t.body})) BETWEEN 1 AND 5000`),
    check('comments_resolution_pair', sql`(${t.resolvedAt} IS NULL) = (${t.resolvedById} IS NULL)`),
    check('comments_not_own_parent', sql`${t.parentId} IS NULL OR ${t.parentId} <> ${t.id}`),
  ],
);

export type Comment = typeof comments.$inferSelect;
