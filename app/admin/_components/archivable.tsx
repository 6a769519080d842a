import { getFormatter, getTranslations } from 'next-intl/server';
import type { FormState } from '@/lib/domain/form-state';
import { ActionButton } from './action-button';
import { RenameForm } from './rename-form';

// What the sectors and agendas pages share: a record that is renamed and archived, never deleted.

type Section = 'sectors' | 'agendas';
type Action = (state: FormState, form: FormData) => Promise<FormState>;

/** The section of the page where one record is renamed, and archived or taken out of the archive. */
export async function RenameAndArchive({ section, record, field, maxLength, rename, archive }: {
  section: Section;
  record: { id: string; name: string; archivedAt: Date | null };
  /** The input's name, as the rename action reads it ("name", "title"). */
  field: string;
  maxLength: number;
  rename: Action;
  archive: Action;
}) {
  const t = await getTranslations(`admin.${section}`);
  const archived = record.archivedAt !== null;
  return (
    <section aria-labelledby="edit-title" id="edit">
      <h2 id="edit-title">{t('edit.title', { name: record.name })}</h2>
      <RenameForm
        key={`${record.id}-rename`} action={rename} recordId={record.id} field={field} label={t(`fields.${field}`)} value={record.name}
        maxLength={maxLength} submit={t('edit.submit')} cancel={t('edit.cancel')} cancelHref={`/admin/${section}`}
      />
      <ActionButton
        key={`${record.id}-archive`} id="archive" action={archive} recordId={record.id} danger={!archived}
        hidden={{ archive: String(!archived), name: record.name }} label={t(archived ? 'restore' : 'archive')} hint={t(archived ? 'restoreHint' : 'archiveHint')}
      />
    </section>
  );
}

/** "In use", or since when the record is archived. */
export async function ArchiveStatus({ section, archivedAt }: { section: Section; archivedAt: Date | null }) {
  const [t, format] = await Promise.all([getTranslations(`admin.${section}`), getFormatter()]);
  return archivedAt
    ? <span className="status status--disabled">{t('archivedSince', { date: format.dateTime(archivedAt, { dateStyle: 'medium' }) })}</span>
    : <span className="status status--active">{t('active')}</span>;
}
