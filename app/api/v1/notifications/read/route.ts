import { apiRoute, routeMethods } from '@/lib/server/api';
import { markNotificationsRead } from '@/lib/server/notifications/inbox';

export const dynamic = 'force-dynamic';

// {"ids": [...]} or {"all": true}: marks the caller's own notifications read.
const read = apiRoute(async ({ ctx, body }) => markNotificationsRead(ctx, body));

export const { GET, POST, PUT, PATCH, DELETE, OPTIONS } = routeMethods({ POST: read });
