import type { Metadata } from 'next';
import Link from 'next/link';
import { getTranslations } from 'next-intl/server';

export const ADMIN_SECTIONS = [
  ['overview', '/admin'],
  ['users', '/admin/users'],
  ['organisations', '/admin/organisations'],
  ['sectors', '/admin/sectors'],
  ['agendas', '/admin/agendas'],
  ['tokens', '/admin/tokens'],
  ['audit', '/admin/audit'],
  ['backup', '/admin/backup'],
  ['notifications', '/admin/notifications'],
] as const;

/** The administration's own navigation; the current section is marked for assistive technology. */
export async function AdminNav({ current }: { current: (typeof ADMIN_SECTIONS)[number][0] }) {
  const t = await getTranslations('admin.nav');
  return (
    <nav aria-label={t('label')} className="admin-nav">
      <ul>
        {ADMIN_SECTIONS.map(([key, href]) => (
          <li key={key}>
            <Link href={href} aria-current={key === current ? 'page' : undefined}>{t(key)}</Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}

type Section = (typeof ADMIN_SECTIONS)[number][0];
const namespace = (section: Section) => (section === 'overview' ? 'admin' : `admin.${section}`);

/** A section's title, its introduction and the administration's navigation: the top of every section's page. */
export async function AdminHeading({ current }: { current: Section }) {
  const t = await getTranslations(namespace(current));
  return (
    <>
      <h1>{t('title')}</h1>
      <p className="lede">{t('intro')}</p>
      <AdminNav current={current} />
    </>
  );
}

/** A section page's metadata: its title. */
export async function adminMetadata(section: Section): Promise<Metadata> {
  const t = await getTranslations(namespace(section));
  return { title: t('title') };
}
