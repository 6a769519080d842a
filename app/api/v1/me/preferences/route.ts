import { apiRoute, routeMethods } from '@/lib/server/api';
import { myPreferences, updateMyPreferences } from '@/lib/server/notifications/inbox';

export const dynamic = 'force-dynamic';

// The caller's e-mail choice per notification kind: "now", "daily" or "off".
const read = apiRoute(async ({ ctx }) => ({ notifications: await myPreferences(ctx) }));
const update = apiRoute(async ({ ctx, body }) => ({ notifications: await updateMyPreferences(ctx, body) }));

export const { GET, POST, PUT, PATCH, DELETE, OPTIONS } = routeMethods({ GET: read, PUT: update });
