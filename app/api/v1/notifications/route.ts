import { apiRoute, routeMethods } from '@/lib/server/api';
import { notificationListQuery } from '@/lib/domain/notification-inputs';
import { myNotifications } from '@/lib/server/notifications/inbox';

export const dynamic = 'force-dynamic';

// The caller's notifications, newest first: `?page=2`, `?unread=1`.
const list = apiRoute(async ({ ctx, request }) => {
  const url = new URL(request.url);
  return myNotifications(ctx, notificationListQuery({ page: url.searchParams.get('page'), unread: url.searchParams.get('unread') }));
});

export const { GET, POST, PUT, PATCH, DELETE, OPTIONS } = routeMethods({ GET: list });
