import { sql } from 'drizzle-orm';
import { bigint, check, index, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { users } from './users';

// One row per signed-in browser. The session cookie names its row, so that idle timeout, absolute
// lifetime and "sign out everywhere" are decided here, shared by every app instance.
export const userSessions = pgTable(
  'user_sessions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    userId: uuid('user_id').notNull().references(() => users.id, { onDelete: 'cascade' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    lastSeenAt: timestamp('last_seen_at', { withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    revokedAt: timestamp('revoked_at', { withTimezone: true }),
    sourceAddress: text('source_address'),
    userAgent: text('user_agent'),
  },
  (t) => [
    index('user_sessions_user_idx').on(t.userId),
    check('user_sessions_expiry_after_creation', sql`${t.expiresAt} > ${t.createdAt}`),
  ],
);

// Every sign-in attempt, kept for brute-force limits that hold across app instances.
export const signInAttempts = pgTable(
  'sign_in_attempts',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
    email: text('email').notNull(),
    sourceAddress: text('source_address').notNull(),
    outcome: text('outcome').notNull(),
  },
  (t) => [
    index('sign_in_attempts_email_idx').on(t.email, t.at),
    index('sign_in_attempts_source_idx').on(t.sourceAddress, t.at),
    check('sign_in_attempts_outcome', sql`${t.outcome} IN ('success', 'failure', 'locked')`),
    check('sign_in_attempts_email_lower', sql`${t.email} = lower(${t.email})`),
  ],
);

export type UserSession = typeof userSessions.$inferSelect;
