import type { Metadata } from 'next';
import Link from 'next/link';
import { getFormatter, getTranslations } from 'next-intl/server';
import { notificationListQuery } from '@/lib/domain/notification-inputs';
import { notificationPath } from '@/lib/domain/notification-kinds';
import { messageText } from '@/lib/server/catalogue';
import { notificationMessage } from '@/lib/server/notifications/describe';
import { myNotifications } from '@/lib/server/notifications/inbox';
import { requirePageContext } from '@/lib/server/page-guard';
import { markReadAction, openNotificationAction } from './actions';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('notifications');
  return { title: t('title') };
}

type Search = Promise<Record<string, string | string[] | undefined>>;

// The viewer's notifications, newest first. Every control is a link or a plain form: it works without JavaScript.
export default async function NotificationsPage({ searchParams }: { searchParams: Search }) {
  const params = await searchParams;
  const query = notificationListQuery({ page: first(params.page), unread: first(params.unread) });
  const here = `/notifications${query.unreadOnly ? '?unread=1' : ''}`;
  const ctx = await requirePageContext(here);
  const [list, t, format] = await Promise.all([myNotifications(ctx, query), getTranslations('notifications'), getFormatter()]);
  const pages = Math.max(1, Math.ceil(list.total / list.pageSize));
  const pageHref = (page: number) => {
    const search = new URLSearchParams();
    if (query.unreadOnly) search.set('unread', '1');
    if (page > 1) search.set('page', String(page));
    const text = search.toString();
    return `/notifications${text ? `?${text}` : ''}`;
  };
  const back = pageHref(query.page);

  return (
    <>
      <h1>{t('title')}</h1>
      <p className="lede">{t('intro')}</p>
      <div className="notification-tools">
        <nav aria-label={t('filterLabel')}>
          <Link href="/notifications" aria-current={query.unreadOnly ? undefined : 'page'}>{t('showAll')}</Link>
          {' · '}
          <Link href="/notifications?unread=1" aria-current={query.unreadOnly ? 'page' : undefined}>{t('showUnread')}</Link>
        </nav>
        <p role="status">{t('count', { total: list.total, unread: list.unread })}</p>
        {list.unread > 0 && (
          <form action={markReadAction}>
            <input type="hidden" name="id" value="all" />
            <input type="hidden" name="back" value={back} />
            <button type="submit">{t('markAllRead')}</button>
          </form>
        )}
        <Link href="/notifications/settings">{t('preferences')}</Link>
      </div>
      {list.items.length === 0 ? (
        <p>{query.unreadOnly ? t('emptyUnread') : t('empty')}</p>
      ) : (
        <ol className="notification-list">
          {list.items.map((n) => {
            const text = messageText(notificationMessage(n, t('actorSystem')));
            const href = notificationPath(n);
            const unread = n.readAt === null;
            return (
              <li key={n.id} className={unread ? 'notification notification--unread' : 'notification'}>
                <span className="notification__text">
                  {unread && <span className="visually-hidden">{t('unreadMark')}: </span>}
                  {unread ? (
                    <form action={openNotificationAction} className="inline-form">
                      <input type="hidden" name="id" value={n.id} />
                      <input type="hidden" name="href" value={href} />
                      <button type="submit" className="link-button">{text}</button>
                    </form>
                  ) : (
                    <Link href={href}>{text}</Link>
                  )}
                </span>
                <span className="notification__time">
                  <time dateTime={new Date(n.createdAt).toISOString()}>{format.dateTime(new Date(n.createdAt), { dateStyle: 'medium', timeStyle: 'short' })}</time>
                </span>
                {unread && (
                  <form action={markReadAction}>
                    <input type="hidden" name="id" value={n.id} />
                    <input type="hidden" name="back" value={back} />
                    <button type="submit" className="link-button" aria-label={`${t('markRead')}: ${text}`}>{t('markRead')}</button>
                  </form>
                )}
              </li>
            );
          })}
        </ol>
      )}
      {pages > 1 && (
        <nav aria-label={t('pageOf', { page: query.page, pages })} className="pagination">
          {query.page > 1 && <Link href={pageHref(query.page - 1)} rel="prev">{t('previous')}</Link>}
          <span>{t('pageOf', { page: query.page, pages })}</span>
          {query.page < pages && <Link href={pageHref(query.page + 1)} rel="next">{t('next')}</Link>}
        </nav>
      )}
    </>
  );
}

function first(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}
