import Link from 'next/link';
import { getFormatter, getTranslations } from 'next-intl/server';
import { listAgendasForAdmin } from '@/lib/server/admin/agendas';
import { parseIsoDate } from '@/lib/domain/dates';
import { requirePageContext } from '@/lib/server/page-guard';
import { AdminHeading, adminMetadata } from '../_components/admin-nav';
import { AdminTable } from '../_components/admin-table';
import { ArchiveStatus, RenameAndArchive } from '../_components/archivable';
import { AgendaForm } from '../_components/agenda-form';
import { renameAgendaAction, setAgendaArchivedAction } from './actions';

export const generateMetadata = () => adminMetadata('agendas');

type Search = Promise<{ edit?: string | string[] }>;

export default async function AgendasPage({ searchParams }: { searchParams: Search }) {
  const { edit } = await searchParams;
  const editId = typeof edit === 'string' ? edit : undefined;
  const ctx = await requirePageContext(editId ? `/admin/agendas?edit=${encodeURIComponent(editId)}` : '/admin/agendas', 'admin.agendas');
  const [t, format, agendaList] = await Promise.all([getTranslations('admin.agendas'), getFormatter(), listAgendasForAdmin(ctx)]);
  const editing = editId ? agendaList.find((a) => a.id === editId) : undefined;
  return (
    <>
      <AdminHeading current="agendas" />
      <p className="notice notice--info">{t('archiveHelp')}</p>
      {editId && !editing && <p className="notice" role="status">{t('edit.missing')}</p>}
      {editing && (
        <RenameAndArchive
          section="agendas" record={{ ...editing, name: editing.title }} field="title" maxLength={300}
          rename={renameAgendaAction} archive={setAgendaArchivedAction}
        />
      )}
      <AdminTable
        id="all-agendas" heading={t('all')} caption={t('caption', { count: agendaList.length })}
        columns={[
          { label: t('fields.title') },
          { label: t('fields.slug') },
          { label: t('fields.parties') },
          { label: t('fields.signedOn') },
          { label: t('fields.commitments'), num: true },
          { label: t('fields.status') },
          { label: t('fields.actions'), hidden: true },
        ]}
      >
        {agendaList.map((a) => (
          <tr key={a.id} aria-current={a.id === editing?.id ? 'true' : undefined}>
            <th scope="row">{a.title}</th>
            <td><code>{a.slug}</code></td>
            <td>{`${a.partyA}–${a.partyB}`}</td>
            <td>{format.dateTime(parseIsoDate(a.signedOn), { dateStyle: 'medium', timeZone: 'UTC' })}</td>
            <td className="num">{format.number(a.commitmentCount)}</td>
            <td><ArchiveStatus section="agendas" archivedAt={a.archivedAt} /></td>
            <td>
              <Link href={`/admin/agendas?edit=${a.id}#edit`} aria-label={t('renameLabel', { name: a.title })}>{t('renameLink')}</Link>
            </td>
          </tr>
        ))}
      </AdminTable>
      <section aria-labelledby="add-agenda">
        <h2 id="add-agenda">{t('create.title')}</h2>
        <AgendaForm />
      </section>
    </>
  );
}
