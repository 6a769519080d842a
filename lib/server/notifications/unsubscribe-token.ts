import crypto from 'node:crypto';
import { isNotificationKind, type NotificationKind } from '@/lib/domain/notification-kinds';

// The one-click unsubscribe link: the person and the kind, signed with the app's secret (HMAC-SHA256),
// so nobody can make one for somebody else; each link works once (used_unsubscribe_links).

const PURPOSE = 'unsubscribe:v1:';

function sign(payload: string, secret: string): string {
  return crypto.createHmac('sha256', secret).update(PURPOSE + payload).digest('base64url');
}

export function unsubscribeToken({ userId, kind, secret, now = new Date() }: { userId: string; kind: NotificationKind; secret: string; now?: Date }) {
  const payload = `${userId}.${kind}.${Math.floor(now.getTime() / 1000).toString(36)}`;
  return `${payload}.${sign(payload, secret)}`;
}

/** The person and kind a token names, or null when it was not signed with this secret. */
export function readUnsubscribeToken(token: string, secret: string): { userId: string; kind: NotificationKind; signature: string } | null {
  const parts = token.split('.');
  if (parts.length !== 4) return null;
  const [userId, kind, issued, signature] = parts as [string, string, string, string];
  const expected = Buffer.from(sign(`${userId}.${kind}.${issued}`, secret));
  const given = Buffer.from(signature);
  if (given.length !== expected.length || !crypto.timingSafeEqual(given, expected)) return null;
  if (!isNotificationKind(kind) || !/^[0-9a-f-]{36}$/.test(userId)) return null;
  return { userId, kind, signature };
}
