import { sql } from 'drizzle-orm';
import { boolean, check, index, integer, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { roleEnum } from './enums';
import { organisations, timestamps } from './reference';

export const users = pgTable(
  'users',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    email: text('email').notNull(),
    name: text('name').notNull(),
    role: roleEnum('role').notNull(),
    organisationId: uuid('organisation_id').references(() => organisations.id, { onDelete: 'restrict' }),
    passwordHash: text('password_hash').notNull(),
    disabledAt: timestamp('disabled_at', { withTimezone: true }),
    // Raised to end every session of the user at once (disable, role change, "sign out everywhere").
    sessionVersion: integer('session_version').notNull().default(1),
    lastSignInAt: timestamp('last_sign_in_at', { withTimezone: true }),
    // The language the user chose; null: the browser's cookie or Accept-Language decides.
    locale: text('locale'),
    isDemo: boolean('is_demo').notNull().default(false),
    ...timestamps,
  },
  (t) => [
    uniqueIndex('users_email_lower_key').on(sql`lower(${t.email})`),
    index('users_organisation_idx').on(t.organisationId),
    check('users_email_format', sql`${t.email} ~ '^[^@[:space:]]+@[^@[:space:]]+$' AND length(${t.email}) <= 254`),
    check('users_staff_has_organisation', sql`${t.role} <> 'staff' OR ${t.organisationId} IS NOT NULL`),
    check('users_locale_known', sql`${t.locale} IS NULL OR ${t.locale} IN ('en', 'ru', 'kk', 'ur')`),
    check('users_session_version_positive', sql`${t.sessionVersion} >= 1`),
    // A stored hash, never a password: argon2id strings start with their algorithm tag.
    check('users_password_hash_format', sql`${t.passwordHash} LIKE '$argon2id$%'`),
  ],
);

export type User = typeof users.$inferSelect;
export type NewUser = typeof users.$inferInsert;
