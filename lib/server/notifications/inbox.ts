import 'server-only';
import {
  countNotifications, countUnread, isWatching, listNotifications, listPreferences, markRead, setWatch, upsertPreferences,
} from '@/db/queries/notifications';
import { DEFAULT_DELIVERY, type DeliveryMode, NOTIFICATION_KINDS, type NotificationKind } from '@/lib/domain/notification-kinds';
import { markReadSchema, NOTIFICATIONS_PAGE_SIZE, preferencesBodySchema } from '@/lib/domain/notification-inputs';
import { recordAudit } from '../audit';
import { loadCommitment } from '../commitments';
import type { RequestContext } from '../context';
import { authorize, requireSignedIn } from '../guard';
import { type InputSource, parseInput, readInput } from '../input';

/** The bell's figure: the viewer's unread notifications (0 for nobody signed in). */
export async function unreadCount(ctx: RequestContext): Promise<number> {
  if (!ctx.viewer) return 0;
  return countUnread({ db: ctx.db, userId: ctx.viewer.id });
}

/** One page of the viewer's notifications, newest first. */
export async function myNotifications(ctx: RequestContext, query: { page: number; unreadOnly: boolean }) {
  const { db, viewer } = requireSignedIn(ctx);
  const [items, total, unread] = await Promise.all([
    listNotifications({ db, userId: viewer.id, unreadOnly: query.unreadOnly, limit: NOTIFICATIONS_PAGE_SIZE, offset: (query.page - 1) * NOTIFICATIONS_PAGE_SIZE }),
    countNotifications({ db, userId: viewer.id, unreadOnly: query.unreadOnly }),
    countUnread({ db, userId: viewer.id }),
  ]);
  return { items, total, unread, page: query.page, pageSize: NOTIFICATIONS_PAGE_SIZE };
}

/** Marks the viewer's own notifications read (others' ids change nothing). */
export async function markNotificationsRead(ctx: RequestContext, input: InputSource) {
  const { db, viewer } = requireSignedIn(ctx);
  const data = parseInput(markReadSchema, await readInput(input));
  const marked = await markRead({ db, userId: viewer.id, ids: 'all' in data ? 'all' : data.ids });
  return { marked, unread: await countUnread({ db, userId: viewer.id }) };
}

/** Starts or stops watching a commitment: any reader may. */
export async function watchCommitment(ctx: RequestContext, commitmentId: string, watching: boolean) {
  const commitment = await loadCommitment(ctx, commitmentId);
  const { viewer } = authorize(ctx, 'commitment.watch', commitment);
  await ctx.db.transaction(async (tx) => {
    await setWatch({ db: tx, userId: viewer.id, commitmentId, watching });
    await recordAudit(tx, {
      actor: { id: viewer.id, label: viewer.email }, action: watching ? 'commitment.watched' : 'commitment.unwatched',
      entityType: 'commitment', entityId: commitmentId, sourceAddress: ctx.sourceAddress, userAgent: ctx.userAgent,
    });
  });
  return { commitmentId, watching };
}

export async function watchState(ctx: RequestContext, commitmentId: string) {
  if (!ctx.viewer) return false;
  return isWatching({ db: ctx.db, userId: ctx.viewer.id, commitmentId });
}

/** The viewer's e-mail choice for every kind (their own, else the default). */
export async function myPreferences(ctx: RequestContext): Promise<Record<NotificationKind, DeliveryMode>> {
  const { db, viewer } = requireSignedIn(ctx);
  const rows = await listPreferences({ db, userIds: [viewer.id] });
  const chosen = new Map(rows.map((r) => [r.kind, r.mode as DeliveryMode]));
  return Object.fromEntries(NOTIFICATION_KINDS.map((k) => [k, chosen.get(k) ?? DEFAULT_DELIVERY[k]])) as Record<NotificationKind, DeliveryMode>;
}

export async function updateMyPreferences(ctx: RequestContext, input: InputSource) {
  const { viewer } = requireSignedIn(ctx);
  const { notifications: modes } = parseInput(preferencesBodySchema, await readInput(input));
  await ctx.db.transaction(async (tx) => {
    await upsertPreferences({ db: tx, userId: viewer.id, modes });
    await recordAudit(tx, {
      actor: { id: viewer.id, label: viewer.email }, action: 'notification_preferences.updated', entityType: 'user', entityId: viewer.id,
      after: modes, sourceAddress: ctx.sourceAddress, userAgent: ctx.userAgent,
    });
  });
  return myPreferences(ctx);
}
