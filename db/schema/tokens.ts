import { sql } from 'drizzle-orm';
import { check, date, index, integer, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { users } from './users';

// Personal access tokens for the API. Only the SHA-256 of a token is kept; its first characters
// (`prefix`) let the owner tell their tokens apart without the secret.
export const apiTokens = pgTable(
  'api_tokens',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    userId: uuid('user_id').notNull().references(() => users.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    scope: text('scope').notNull(),
    tokenHash: text('token_hash').notNull(),
    prefix: text('prefix').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    lastUsedAt: timestamp('last_used_at', { withTimezone: true }),
    // The UTC day of the last use that was audited: one `api_token.used` event per token and day.
    lastUsedOn: date('last_used_on'),
    revokedAt: timestamp('revoked_at', { withTimezone: true }),
    revokedBy: uuid('revoked_by').references(() => users.id, { onDelete: 'set null' }),
  },
  (t) => [
    uniqueIndex('api_tokens_hash_key').on(t.tokenHash),
    index('api_tokens_user_idx').on(t.userId),
    check('api_tokens_scope', sql`${t.scope} IN ('read', 'read-write')`),
    check('api_tokens_hash_format', sql`${t.tokenHash} ~ '^[0-9a-f]{64}$'`),
    check('api_tokens_name_length', sql`length(${t.name}) BETWEEN 1 AND 100`),
    check('api_tokens_expiry', sql`${t.expiresAt} > ${t.createdAt} AND ${t.expiresAt} <= ${t.createdAt} + interval '366 days'`),
  ],
);

// Requests per token per minute, for the rate limit: a fixed window counted in the database, so the
// limit holds however many app instances serve the token.
export const apiTokenRequests = pgTable(
  'api_token_requests',
  {
    tokenId: uuid('token_id').notNull().references(() => apiTokens.id, { onDelete: 'cascade' }),
    windowStart: timestamp('window_start', { withTimezone: true }).notNull(),
    requests: integer('requests').notNull(),
  },
  (t) => [primaryKey({ columns: [t.tokenId, t.windowStart] })],
);

export type ApiToken = typeof apiTokens.$inferSelect;
