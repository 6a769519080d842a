import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { signOutAction } from '@/app/sign-in/actions';
import { can, roleAllows } from '@/lib/domain/permissions';
import { currentContext } from '@/lib/server/context';
import { unreadCount } from '@/lib/server/notifications/inbox';
import { LanguageSwitcher } from './language-switcher';

export async function SiteHeader() {
  const t = await getTranslations();
  // The header must render even when the database is down, so the error page below it can explain.
  const ctx = await currentContext().catch(() => null);
  const viewer = ctx?.viewer ?? null;
  // Read on every page render, so the bell is right without polling; a database failure hides the figure only.
  const unread = ctx && viewer ? await unreadCount(ctx).catch(() => 0) : 0;
  return (
    <header className="site-header">
      <div className="site-header__inner">
        <Link prefetch={false} href="/" className="site-header__brand">
          {t('app.name')}
          <span className="site-header__tagline">{t('app.tagline')}</span>
        </Link>
        {viewer && (
          <nav aria-label={t('nav.label')}>
            <ul className="site-nav">
              <li>
                <Link prefetch={false} href="/">{t('nav.dashboard')}</Link>
              </li>
              <li>
                <Link prefetch={false} href="/commitments">{t('nav.commitments')}</Link>
              </li>
              <li>
                <Link prefetch={false} href="/briefing">{t('nav.briefing')}</Link>
              </li>
              <li>
                <Link prefetch={false} href="/reviews">{t('nav.reviews')}</Link>
              </li>
              {roleAllows(viewer, 'update.decide') && (
                <li>
                  <Link prefetch={false} href="/confirmations">{t('nav.confirmations')}</Link>
                </li>
              )}
              {can(viewer, 'admin.users') && (
                <li>
                  <Link prefetch={false} href="/admin">{t('nav.admin')}</Link>
                </li>
              )}
            </ul>
          </nav>
        )}
        {viewer && (
          <div className="site-user">
            <span>
              {t('user.signedInAs', { name: viewer.name })}
              {' · '}
              {t(`user.role.${viewer.role}`)}
              {viewer.organisationName ? ` · ${viewer.organisationName}` : ''}
            </span>
            <Link prefetch={false} href="/notifications" className="bell" aria-label={t('notifications.bellUnread', { count: unread })}>
              <svg aria-hidden="true" viewBox="0 0 24 24" width="18" height="18" focusable="false">
                <path fill="currentColor" d="M12 22a2.5 2.5 0 0 0 2.45-2h-4.9A2.5 2.5 0 0 0 12 22Zm7-6V11a7 7 0 0 0-5.5-6.84V3.5a1.5 1.5 0 0 0-3 0v.66A7 7 0 0 0 5 11v5l-2 2v1h18v-1Z" />
              </svg>
              {unread > 0 && <span className="bell__count" data-testid="bell-count">{unread > 99 ? '99+' : unread}</span>}
            </Link>
            <Link prefetch={false} href="/account">{t('nav.account')}</Link>
            <form action={signOutAction}>
              <button type="submit" className="link-button">{t('user.signOut')}</button>
            </form>
          </div>
        )}
        <LanguageSwitcher />
      </div>
    </header>
  );
}
