import { sql } from 'drizzle-orm';
import { check, index, jsonb, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { DELIVERY_MODES, NOTIFICATION_KINDS } from '@/lib/domain/notification-kinds';
import { comments } from './comments';
import { commitments } from './commitments';
import { statusUpdates } from './updates';
import { users } from './users';

const kindList = sql.raw(NOTIFICATION_KINDS.map((k) => `'${k}'`).join(', '));
const modeList = sql.raw(DELIVERY_MODES.map((k) => `'${k}'`).join(', '));

/**
 * What one person is told. Written in the same transaction as the change it tells of; `delivery` is
 * the person's e-mail choice for its kind at that moment, `emailed_at` set once it went out (alone or
 * in a digest), `email_error` when sending it finally failed. Purged after 180 days.
 */
export const notifications = pgTable(
  'notifications',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    userId: uuid('user_id').notNull().references(() => users.id, { onDelete: 'cascade' }),
    kind: text('kind').notNull(),
    commitmentId: uuid('commitment_id').references(() => commitments.id, { onDelete: 'cascade' }),
    statusUpdateId: uuid('status_update_id').references(() => statusUpdates.id, { onDelete: 'cascade' }),
    commentId: uuid('comment_id').references(() => comments.id, { onDelete: 'cascade' }),
    actorId: uuid('actor_id').references(() => users.id, { onDelete: 'set null' }),
    /** Reminders and digests: one per person and period, whoever runs the schedule and how often. */
    dedupeKey: text('dedupe_key'),
    data: jsonb('data').$type<Record<string, unknown>>().notNull().default({}),
    delivery: text('delivery').notNull(),
    /** Taken by an e-mail job just before it sends; a claim older than the job's lease was cut off and is sent again. */
    emailClaimedAt: timestamp('email_claimed_at', { withTimezone: true }),
    emailedAt: timestamp('emailed_at', { withTimezone: true }),
    emailError: text('email_error'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    readAt: timestamp('read_at', { withTimezone: true }),
  },
  (t) => [
    index('notifications_user_idx').on(t.userId, t.createdAt),
    index('notifications_unread_idx').on(t.userId).where(sql`${t.readAt} is null`),
    index('notifications_pending_email_idx').on(t.userId, t.commitmentId).where(sql`${t.emailedAt} is null and ${t.emailError} is null and ${t.delivery} <> 'off'`),
    index('notifications_created_idx').on(t.createdAt),
    uniqueIndex('notifications_dedupe_key').on(t.userId, t.dedupeKey),
    check('notifications_kind', sql`${t.kind} in (${kindList})`),
    check('notifications_delivery', sql`${t.delivery} in (${modeList})`),
  ],
);

/** A person's e-mail choice per kind; a kind with no row takes its default. */
export const notificationPreferences = pgTable(
  'notification_preferences',
  {
    userId: uuid('user_id').notNull().references(() => users.id, { onDelete: 'cascade' }),
    kind: text('kind').notNull(),
    mode: text('mode').notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.userId, t.kind] }),
    check('notification_preferences_kind', sql`${t.kind} in (${kindList})`),
    check('notification_preferences_mode', sql`${t.mode} in (${modeList})`),
  ],
);

/** Someone who asked to hear of a commitment's updates and comments. */
export const commitmentWatches = pgTable(
  'commitment_watches',
  {
    userId: uuid('user_id').notNull().references(() => users.id, { onDelete: 'cascade' }),
    commitmentId: uuid('commitment_id').notNull().references(() => commitments.id, { onDelete: 'cascade' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.userId, t.commitmentId] }), index('commitment_watches_commitment_idx').on(t.commitmentId)],
);

/**
 * Jobs written in the transaction of the change that causes them and moved into the job queue
 * (pg-boss) after it commits, each under its own id: a job exists once its change committed, never
 * otherwise, and never twice (see lib/server/jobs/outbox.ts).
 */
export const jobOutbox = pgTable(
  'job_outbox',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    queue: text('queue').notNull(),
    data: jsonb('data').$type<Record<string, unknown>>().notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('job_outbox_created_idx').on(t.createdAt)],
);

/**
 * The last e-mail to a person about one commitment (`subject_key`: its id, or `digest`), for the
 * ten-minute coalescing window; `deferred_until` when a later send is already queued.
 */
export const emailDeliveries = pgTable(
  'email_deliveries',
  {
    userId: uuid('user_id').notNull().references(() => users.id, { onDelete: 'cascade' }),
    subjectKey: text('subject_key').notNull(),
    lastSentAt: timestamp('last_sent_at', { withTimezone: true }),
    deferredUntil: timestamp('deferred_until', { withTimezone: true }),
  },
  (t) => [primaryKey({ columns: [t.userId, t.subjectKey] })],
);

/** Unsubscribe links already used: each works once. */
export const usedUnsubscribeLinks = pgTable('used_unsubscribe_links', {
  signature: text('signature').primaryKey(),
  usedAt: timestamp('used_at', { withTimezone: true }).notNull().defaultNow(),
});

export type Notification = typeof notifications.$inferSelect;
