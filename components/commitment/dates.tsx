import { getFormatter, getTranslations } from 'next-intl/server';
import { parseIsoDate } from '@/lib/domain/dates';

/** The catalogue and formatter the date cells read: fetched once for a whole table, not per cell. */
export async function dateTexts() {
  const [t, format] = await Promise.all([getTranslations('commitments.flags'), getFormatter()]);
  return { t, format };
}
type DateTexts = Awaited<ReturnType<typeof dateTexts>>;

/** A due date, with "Overdue" said in words (not only colour) when it has passed. */
export function DueDateText({ dueDate, overdue, texts: { t, format } }: { dueDate: string | null; overdue: boolean; texts: DateTexts }) {
  if (!dueDate) return <span className="muted">{t('noDueDate')}</span>;
  return (
    <>
      <time dateTime={dueDate}>{format.dateTime(parseIsoDate(dueDate), { dateStyle: 'medium' })}</time>
      {overdue && <> <span className="flag flag--overdue">{t('overdue')}</span></>}
    </>
  );
}

/** When the commitment was last updated, with "Stale" in words after 60 days without an update. */
export function LastUpdateText({ lastUpdateAt, stale, texts: { t, format } }: { lastUpdateAt: Date | string | null; stale: boolean; texts: DateTexts }) {
  const flag = stale && <> <span className="flag flag--stale" title={t('staleHint')}>{t('stale')}</span></>;
  if (!lastUpdateAt) return <><span className="muted">{t('noUpdates')}</span>{flag}</>;
  const date = new Date(lastUpdateAt);
  return (
    <>
      <time dateTime={date.toISOString()}>{format.dateTime(date, { dateStyle: 'medium' })}</time>
      {flag}
    </>
  );
}

// One date on its own (a commitment's facts): the same, fetching its own texts.

export async function DueDate(props: { dueDate: string | null; overdue: boolean }) {
  return <DueDateText {...props} texts={await dateTexts()} />;
}

export async function LastUpdate(props: { lastUpdateAt: Date | string | null; stale: boolean }) {
  return <LastUpdateText {...props} texts={await dateTexts()} />;
}
