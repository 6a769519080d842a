import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { isNotificationKind } from '@/lib/domain/notification-kinds';
import { peekUnsubscribe } from '@/lib/server/notifications/unsubscribe';
import { unsubscribeAction } from './actions';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('mail');
  return { title: t('unsubscribeTitle') };
}

// The link in an e-mail's footer. Opening it changes nothing (mail scanners open links); the button does.
export default async function UnsubscribePage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const params = await searchParams;
  const [t, tn] = await Promise.all([getTranslations('mail'), getTranslations('notifications')]);
  const done = typeof params.done === 'string' ? params.done : undefined;
  const token = typeof params.token === 'string' ? params.token : '';
  const read = token ? peekUnsubscribe(token, process.env.AUTH_SECRET ?? '') : null;
  return (
    <>
      <h1>{t('unsubscribeTitle')}</h1>
      {done ? (
        <p role="status">{isNotificationKind(done) ? t('unsubscribed', { kind: tn(`kindName.${done}`) }) : t('unsubscribeUsed')}</p>
      ) : read ? (
        <form action={unsubscribeAction}>
          <input type="hidden" name="token" value={token} />
          <p>{tn(`kindName.${read.kind}`)}</p>
          <button type="submit">{t('unsubscribe')}</button>
        </form>
      ) : (
        <p>{t('unsubscribeUsed')}</p>
      )}
    </>
  );
}
