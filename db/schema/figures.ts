import { bigint, boolean, pgTable } from 'drizzle-orm/pg-core';

/**
 * A number that grows whenever a transaction that changed what the dashboard shows commits: one row,
 * raised by a trigger at commit (migration 0013). Every app instance reads it before serving figures
 * it keeps in memory, so none serves figures older than a write that has been acknowledged.
 */
export const figuresRevision = pgTable('figures_revision', {
  id: boolean('id').primaryKey().default(true),
  revision: bigint('revision', { mode: 'number' }).notNull().default(0),
});

/**
 * The transactions in flight that changed the dashboard's tables, one row each, written by their
 * statements' triggers and removed at their commit, when the revision is raised. Never read by the app.
 */
export const figuresChanges = pgTable('figures_changes', {
  txid: bigint('txid', { mode: 'number' }).primaryKey(),
});
