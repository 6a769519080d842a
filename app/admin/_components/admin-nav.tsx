import Link from 'next/link';
import { getTranslations } from 'next-intl/server';

const SECTIONS = [
  ['overview', '/admin'],
  ['users', '/admin/users'],
  ['organisations', '/admin/organisations'],
  ['audit', '/admin/audit'],
  ['backup', '/admin/backup'],
] as const;

/** The administration's own navigation; the current section is marked for assistive technology. */
export async function AdminNav({ current }: { current: (typeof SECTIONS)[number][0] }) {
  const t = await getTranslations('admin.nav');
  return (
    <nav aria-label={t('label')} className="admin-nav">
      <ul>
        {SECTIONS.map(([key, href]) => (
          <li key={key}>
            <Link href={href} aria-current={key === current ? 'page' : undefined}>{t(key)}</Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}
