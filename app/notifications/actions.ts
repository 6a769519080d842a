'use server';

import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import { currentContext } from '@/lib/server/context';
import { markNotificationsRead, updateMyPreferences, watchCommitment } from '@/lib/server/notifications/inbox';
import { NOTIFICATION_KINDS } from '@/lib/domain/notification-kinds';
import { safeCallbackPath } from '@/lib/safe-redirect';

// Plain form posts that work without JavaScript: each acts, then brings the reader back.

export async function markReadAction(formData: FormData) {
  const ctx = await currentContext();
  const id = formData.get('id');
  await markNotificationsRead(ctx, id === 'all' ? { all: true } : { ids: [String(id)] });
  // The bell lives in the root layout, which a client navigation keeps: have it read the count again.
  revalidatePath('/', 'layout');
  redirect(safeCallbackPath(String(formData.get('back') ?? '/notifications')));
}

/** Opens a notification: marks it read and goes to what it is about. */
export async function openNotificationAction(formData: FormData) {
  const ctx = await currentContext();
  await markNotificationsRead(ctx, { ids: [String(formData.get('id'))] });
  revalidatePath('/', 'layout');
  redirect(safeCallbackPath(String(formData.get('href') ?? '/notifications')));
}

export async function savePreferencesAction(formData: FormData) {
  const ctx = await currentContext();
  const notifications = Object.fromEntries(NOTIFICATION_KINDS.map((k) => [k, formData.get(k) ?? undefined]).filter(([, v]) => v !== undefined));
  await updateMyPreferences(ctx, { notifications });
  redirect('/notifications/settings?saved=1');
}

export async function watchAction(formData: FormData) {
  const ctx = await currentContext();
  const id = String(formData.get('commitmentId'));
  await watchCommitment(ctx, id, formData.get('watch') === '1');
  redirect(`/commitments/${encodeURIComponent(id)}`);
}
