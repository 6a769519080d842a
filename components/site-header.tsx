import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { signOutAction } from '@/app/sign-in/actions';
import { can, roleAllows } from '@/lib/domain/permissions';
import { currentContext } from '@/lib/server/context';

export async function SiteHeader() {
  const t = await getTranslations();
  // The header must render even when the database is down, so the error page below it can explain.
  const viewer = await currentContext().then((ctx) => ctx.viewer, () => null);
  return (
    <header className="site-header">
      <div className="site-header__inner">
        <Link href="/" className="site-header__brand">
          {t('app.name')}
          <span className="site-header__tagline">{t('app.tagline')}</span>
        </Link>
        {viewer && (
          <nav aria-label={t('nav.label')}>
            <ul className="site-nav">
              <li>
                <Link href="/">{t('nav.dashboard')}</Link>
              </li>
              <li>
                <Link href="/commitments">{t('nav.commitments')}</Link>
              </li>
              <li>
                <Link href="/briefing">{t('nav.briefing')}</Link>
              </li>
              <li>
                <Link href="/reviews">{t('nav.reviews')}</Link>
              </li>
              {roleAllows(viewer, 'update.decide') && (
                <li>
                  <Link href="/confirmations">{t('nav.confirmations')}</Link>
                </li>
              )}
              {can(viewer, 'admin.users') && (
                <li>
                  <Link href="/admin">{t('nav.admin')}</Link>
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
            <Link href="/account">{t('nav.account')}</Link>
            <form action={signOutAction}>
              <button type="submit" className="link-button">{t('user.signOut')}</button>
            </form>
          </div>
        )}
      </div>
    </header>
  );
}
