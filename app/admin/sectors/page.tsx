import Link from 'next/link';
import { getFormatter, getTranslations } from 'next-intl/server';
import { listSectorsForAdmin } from '@/lib/server/admin/sectors';
import { requirePageContext } from '@/lib/server/page-guard';
import { AdminHeading, adminMetadata } from '../_components/admin-nav';
import { AdminTable } from '../_components/admin-table';
import { ArchiveStatus, RenameAndArchive } from '../_components/archivable';
import { SectorForm } from '../_components/sector-form';
import { renameSectorAction, setSectorArchivedAction } from './actions';

export const generateMetadata = () => adminMetadata('sectors');

type Search = Promise<{ edit?: string | string[] }>;

export default async function SectorsPage({ searchParams }: { searchParams: Search }) {
  const { edit } = await searchParams;
  const editId = typeof edit === 'string' ? edit : undefined;
  const ctx = await requirePageContext(editId ? `/admin/sectors?edit=${encodeURIComponent(editId)}` : '/admin/sectors', 'admin.sectors');
  const [t, format, sectorList] = await Promise.all([getTranslations('admin.sectors'), getFormatter(), listSectorsForAdmin(ctx)]);
  const editing = editId ? sectorList.find((s) => s.id === editId) : undefined;
  return (
    <>
      <AdminHeading current="sectors" />
      <p className="notice notice--info">{t('archiveHelp')}</p>
      {editId && !editing && <p className="notice" role="status">{t('edit.missing')}</p>}
      {editing && (
        <RenameAndArchive
          section="sectors" record={editing} field="name" maxLength={100} rename={renameSectorAction} archive={setSectorArchivedAction}
        />
      )}
      <AdminTable
        id="all-sectors" heading={t('all')} caption={t('caption', { count: sectorList.length })}
        columns={[
          { label: t('fields.name') },
          { label: t('fields.slug') },
          { label: t('fields.commitments'), num: true },
          { label: t('fields.status') },
          { label: t('fields.actions'), hidden: true },
        ]}
      >
        {sectorList.map((s) => (
          <tr key={s.id} aria-current={s.id === editing?.id ? 'true' : undefined}>
            <th scope="row">
              <span className="swatch" style={{ background: s.colour }} aria-hidden="true" /> {s.name}
            </th>
            <td><code>{s.slug}</code></td>
            <td className="num">{format.number(s.commitmentCount)}</td>
            <td><ArchiveStatus section="sectors" archivedAt={s.archivedAt} /></td>
            <td>
              <Link href={`/admin/sectors?edit=${s.id}#edit`} aria-label={t('renameLabel', { name: s.name })}>{t('renameLink')}</Link>
            </td>
          </tr>
        ))}
      </AdminTable>
      <section aria-labelledby="add-sector">
        <h2 id="add-sector">{t('create.title')}</h2>
        <SectorForm />
      </section>
    </>
  );
}
