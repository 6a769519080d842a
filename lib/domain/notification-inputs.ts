import { z } from 'zod';
import { DELIVERY_MODES, NOTIFICATION_KINDS } from './notification-kinds';

const uuid = z.string().regex(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i, { error: 'validation.invalid' });

/** `{"ids": [...]}` marks those read, `{"all": true}` every one. */
export const markReadSchema = z.union([
  z.object({ ids: z.array(uuid).min(1).max(500) }).strict(),
  z.object({ all: z.literal(true) }).strict(),
]);

/** Any subset of the kinds, each with its mode. */
const preferencesSchema = z
  .object(Object.fromEntries(NOTIFICATION_KINDS.map((k) => [k, z.enum(DELIVERY_MODES).optional()])) as Record<
    (typeof NOTIFICATION_KINDS)[number],
    z.ZodOptional<z.ZodEnum<{ now: 'now'; daily: 'daily'; off: 'off' }>>
  >)
  .strict();

/** `PUT /api/v1/me/preferences`: `{"notifications": {"thread_reply": "off", ...}}`. */
export const preferencesBodySchema = z.object({ notifications: preferencesSchema }).strict();

export const NOTIFICATIONS_PAGE_SIZE = 25;

/** The list's query: `page`, `unread=1`. Anything unreadable falls back to the first page of all. */
export function notificationListQuery(params: { page?: string | null; unread?: string | null }) {
  const page = Number(params.page);
  return { page: Number.isInteger(page) && page >= 1 && page <= 100000 ? page : 1, unreadOnly: params.unread === '1' };
}
