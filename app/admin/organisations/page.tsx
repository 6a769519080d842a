import Link from 'next/link';
import { getFormatter, getLocale, getTranslations } from 'next-intl/server';
import { listOrganisations } from '@/lib/server/admin/organisations';
import { requirePageContext } from '@/lib/server/page-guard';
import { AdminHeading, adminMetadata } from '../_components/admin-nav';
import { AdminTable } from '../_components/admin-table';
import { OrganisationForm } from '../_components/organisation-form';

export const generateMetadata = () => adminMetadata('organisations');

type Search = Promise<{ edit?: string | string[] }>;

export default async function OrganisationsPage({ searchParams }: { searchParams: Search }) {
  const { edit } = await searchParams;
  const editId = typeof edit === 'string' ? edit : undefined;
  const ctx = await requirePageContext(
    editId ? `/admin/organisations?edit=${encodeURIComponent(editId)}` : '/admin/organisations', 'admin.organisations',
  );
  const [t, format, locale, organisationList] = await Promise.all([
    getTranslations('admin.organisations'), getFormatter(), getLocale(), listOrganisations(ctx),
  ]);
  const regions = new Intl.DisplayNames([locale], { type: 'region' });
  const editing = editId ? organisationList.find((o) => o.id === editId) : undefined;
  return (
    <>
      <AdminHeading current="organisations" />
      {editId && !editing && <p className="notice" role="status">{t('edit.missing')}</p>}
      {editing && (
        <section aria-labelledby="edit-organisation-title" id="edit">
          <h2 id="edit-organisation-title">{t('edit.title', { name: editing.name })}</h2>
          <OrganisationForm key={editing.id} organisation={editing} />
        </section>
      )}
      <AdminTable
        id="all-organisations" heading={t('all')} caption={t('caption', { count: organisationList.length })}
        columns={[
          { label: t('fields.name') },
          { label: t('fields.shortName') },
          { label: t('fields.country') },
          { label: t('fields.users'), num: true },
          { label: t('fields.actions'), hidden: true },
        ]}
      >
        {organisationList.map((o) => (
          <tr key={o.id} aria-current={o.id === editing?.id ? 'true' : undefined}>
            <th scope="row">
              {o.name} {o.isDemo && <span className="badge">{t('demo')}</span>}
            </th>
            <td>{o.shortName ?? ''}</td>
            <td>{`${regions.of(o.country) ?? o.country} (${o.country})`}</td>
            <td className="num">{format.number(o.userCount)}</td>
            <td>
              <Link href={`/admin/organisations?edit=${o.id}#edit`} aria-label={t('editLabel', { name: o.name })}>
                {t('editLink')}
              </Link>
            </td>
          </tr>
        ))}
      </AdminTable>
      <section aria-labelledby="add-organisation">
        <h2 id="add-organisation">{t('create.title')}</h2>
        <OrganisationForm />
      </section>
    </>
  );
}
