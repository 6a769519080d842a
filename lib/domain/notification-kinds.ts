// What people are told: every notification kind, and how each is delivered by default.

export const NOTIFICATION_KINDS = [
  // staff of a lead organisation
  'update_posted',
  'comment_posted',
  'confirmation_requested',
  'update_decided',
  'due_soon',
  'overdue',
  'no_update',
  // reviewers (and anyone else who took part in a thread)
  'thread_reply',
  'thread_resolution',
  // officials
  'weekly_digest',
  // everyone who watches a commitment
  'watched_activity',
] as const;
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];

export const DELIVERY_MODES = ['now', 'daily', 'off'] as const;
/** E-mail at once, in the daily digest, or not at all (the app always shows it). */
export type DeliveryMode = (typeof DELIVERY_MODES)[number];

/** At once for what waits on the person (confirmations, decisions, replies) and the weekly digest; daily for the rest. */
export const DEFAULT_DELIVERY: Record<NotificationKind, DeliveryMode> = {
  update_posted: 'daily',
  comment_posted: 'daily',
  confirmation_requested: 'now',
  update_decided: 'now',
  due_soon: 'daily',
  overdue: 'daily',
  no_update: 'daily',
  thread_reply: 'now',
  thread_resolution: 'daily',
  weekly_digest: 'now',
  watched_activity: 'daily',
};

export function isNotificationKind(value: unknown): value is NotificationKind {
  return typeof value === 'string' && (NOTIFICATION_KINDS as readonly string[]).includes(value);
}

/** Notifications are kept this long, then purged. */
export const NOTIFICATION_RETENTION_DAYS = 180;
/** At most one e-mail per person per commitment in this window: later news waits and goes together. */
export const COALESCE_MINUTES = 10;
/** Reminders: this many days before the due date, and after this many days without an update (stale at 60). */
export const DUE_SOON_DAYS = 14;
export const NO_UPDATE_DAYS = 50;

/** Where a notification leads: the exact comment or update on its commitment's page, else the commitment, else the list. */
export function notificationPath(n: { commitmentId: string | null; statusUpdateId: string | null; commentId: string | null }): string {
  if (!n.commitmentId) return '/notifications';
  const anchor = n.commentId ? `#comment-${n.commentId}` : n.statusUpdateId ? `#update-${n.statusUpdateId}` : '';
  // The update's own page of the timeline, however many updates came after it.
  const page = n.statusUpdateId ? `?update=${n.statusUpdateId}` : '';
  return `/commitments/${n.commitmentId}${page}${anchor}`;
}
