import { z } from 'zod';
import { DELIVERY_MODES, NOTIFICATION_KINDS, type NotificationKind } from './notification-kinds';

const uuid = z.string().regex(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i, { error: 'validation.invalid' });

/** `{"ids": [...]}` marks those read, `{"all": true}` every one. */
export const markReadSchema = z.union([
  z.object({ ids: z.array(uuid).min(1).max(500) }).strict(),
  z.object({ all: z.literal(true) }).strict(),
]);

const deliveryMode = z.enum(DELIVERY_MODES).meta({ id: 'DeliveryMode', description: 'E-mail at once, in the daily digest, or not at all (the app always shows it).' });

/** Every kind with its mode: a person's choices as `GET /api/v1/me/preferences` answers them. */
export const deliveryModesSchema = z.strictObject(
  Object.fromEntries(NOTIFICATION_KINDS.map((k) => [k, deliveryMode])) as Record<NotificationKind, typeof deliveryMode>,
);

/** `PUT /api/v1/me/preferences`: `{"notifications": {"thread_reply": "off", ...}}`, any subset of the kinds. */
export const preferencesBodySchema = z.strictObject({ notifications: deliveryModesSchema.partial() });

export const NOTIFICATIONS_PAGE_SIZE = 25;
const MAX_PAGE = 100000;

/** The list's query: `page`, `unread=1`. Anything unreadable falls back to the first page of all. */
export const notificationQuerySchema = z.object({
  page: z
    .string()
    .regex(/^\d{1,6}$/)
    .transform(Number)
    .pipe(z.int().min(1).max(MAX_PAGE))
    .optional()
    .catch(undefined)
    .meta({ description: `The page, from 1 (${NOTIFICATIONS_PAGE_SIZE} a page, newest first); anything else is the first.` }),
  unread: z.enum(['1']).optional().catch(undefined).meta({ description: '`1` for the unread ones only.' }),
});

export function notificationListQuery(params: { page?: string | null; unread?: string | null }) {
  const query = notificationQuerySchema.parse({ page: params.page ?? undefined, unread: params.unread ?? undefined });
  return { page: query.page ?? 1, unreadOnly: query.unread === '1' };
}
