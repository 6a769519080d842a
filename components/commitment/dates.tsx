import { getFormatter, getTranslations } from 'next-intl/server';
import { parseIsoDate } from '@/lib/domain/dates';

/** A due date, with "Overdue" said in words (not only colour) when it has passed. */
export async function DueDate({ dueDate, overdue }: { dueDate: string | null; overdue: boolean }) {
  const [t, format] = await Promise.all([getTranslations('commitments.flags'), getFormatter()]);
  if (!dueDate) return <span className="muted">{t('noDueDate')}</span>;
  return (
    <>
      <time dateTime={dueDate}>{format.dateTime(parseIsoDate(dueDate), { dateStyle: 'medium' })}</time>
      {overdue && <> <span className="flag flag--overdue">{t('overdue')}</span></>}
    </>
  );
}

/** When the commitment was last updated, with "Stale" in words after 60 days without an update. */
export async function LastUpdate({ lastUpdateAt, stale }: { lastUpdateAt: Date | string | null; stale: boolean }) {
  const [t, format] = await Promise.all([getTranslations('commitments.flags'), getFormatter()]);
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
