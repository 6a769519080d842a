import type { Metadata } from 'next';
import Link from 'next/link';
import { getFormatter, getTranslations } from 'next-intl/server';
import { getAdminOverview } from '@/lib/server/admin/overview';
import { requirePageContext } from '@/lib/server/page-guard';
import { AdminNav } from './_components/admin-nav';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('admin');
  return { title: t('title') };
}

export default async function AdminPage() {
  const ctx = await requirePageContext('/admin', 'admin.users');
  const [t, format, overview] = await Promise.all([getTranslations('admin'), getFormatter(), getAdminOverview(ctx)]);
  const figures = [
    ['users', overview.users],
    ['administrators', overview.administrators],
    ['disabledUsers', overview.disabledUsers],
    ['organisations', overview.organisations],
    ['failedSignIns', overview.failedSignIns24h],
  ] as const;
  return (
    <>
      <h1>{t('title')}</h1>
      <p className="lede">{t('intro')}</p>
      <AdminNav current="overview" />
      <section aria-labelledby="admin-figures">
        <h2 id="admin-figures" className="visually-hidden">{t('overview.figures')}</h2>
        <ul className="cards">
          {figures.map(([key, value]) => (
            <li className="card" key={key}>
              <span className="card__label">{t(`overview.${key}`)}</span>
              <span className="card__value">{format.number(value)}</span>
            </li>
          ))}
        </ul>
      </section>
      <section aria-labelledby="admin-sections">
        <h2 id="admin-sections">{t('overview.sections')}</h2>
        <dl className="admin-sections">
          {(['users', 'organisations', 'audit', 'backup'] as const).map((key) => (
            <div key={key}>
              <dt><Link href={`/admin/${key}`}>{t(`nav.${key}`)}</Link></dt>
              <dd>{t(`overview.${key}Help`)}</dd>
            </div>
          ))}
        </dl>
      </section>
    </>
  );
}
