import { sql } from 'drizzle-orm';
import { bigint, check, index, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { users } from './users';

export const auditEvents = pgTable(
  'audit_events',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
    // Null for anonymous attempts (a failed sign-in) and for system jobs (migrations, seed).
    actorId: uuid('actor_id').references(() => users.id, { onDelete: 'restrict' }),
    actorLabel: text('actor_label').notNull(),
    action: text('action').notNull(),
    entityType: text('entity_type').notNull(),
    entityId: text('entity_id'),
    sourceAddress: text('source_address'),
    userAgent: text('user_agent'),
    before: jsonb('before'),
    after: jsonb('after'),
  },
  (t) => [
    index('audit_events_at_idx').on(t.at),
    index('audit_events_entity_idx').on(t.entityType, t.entityId),
    index('audit_events_actor_idx').on(t.actorId, t.at),
    check('audit_events_action_format', sql`${t.action} ~ '^[a-z_]+(\\.[a-z_]+)+$'`),
  ],
);

export type AuditEvent = typeof auditEvents.$inferSelect;
