import Link from 'next/link';
import { getTranslations } from 'next-intl/server';

export async function SiteHeader() {
  const t = await getTranslations();
  return (
    <header className="site-header">
      <div className="site-header__inner">
        <Link href="/" className="site-header__brand">
          {t('app.name')}
          <span className="site-header__tagline">{t('app.tagline')}</span>
        </Link>
        <nav aria-label={t('nav.label')}>
          <ul className="site-nav">
            <li>
              <Link href="/">{t('nav.dashboard')}</Link>
            </li>
          </ul>
        </nav>
      </div>
    </header>
  );
}
