import { getFormatter, getLocale, getTranslations } from 'next-intl/server';
import { parseIsoDate } from '@/lib/domain/dates';
import type { Agenda, AgendaEvent } from '@/lib/server/dashboard';

interface Props {
  agenda: Agenda;
  agendas: Agenda[];
  events: AgendaEvent[];
  hasDemoData: boolean;
}

export async function AgendaHeader({ agenda, agendas, events, hasDemoData }: Props) {
  const [t, format, locale] = await Promise.all([getTranslations(), getFormatter(), getLocale()]);
  const regions = new Intl.DisplayNames([locale], { type: 'region' });
  const nextReview = events.find((e) => e.isNextReview);
  return (
    <section aria-labelledby="agenda-title">
      {agendas.length > 1 && (
        <form method="get" className="agenda-picker">
          <label htmlFor="agenda-select">{t('agenda.choose')}</label>{' '}
          <select id="agenda-select" name="agenda" defaultValue={agenda.slug}>
            {agendas.map((a) => (
              <option key={a.id} value={a.slug}>{a.title}</option>
            ))}
          </select>{' '}
          <button type="submit" className="button button--secondary">{t('agenda.show')}</button>
        </form>
      )}
      <h1 id="agenda-title">{agenda.title}</h1>
      {agenda.summary && <p className="lede">{agenda.summary}</p>}
      <dl className="facts">
        <div>
          <dt>{t('agenda.parties')}</dt>
          <dd>{`${regions.of(agenda.partyA) ?? agenda.partyA} – ${regions.of(agenda.partyB) ?? agenda.partyB}`}</dd>
        </div>
        <div>
          <dt>{t('agenda.signed')}</dt>
          <dd>{format.dateTime(parseIsoDate(agenda.signedOn), { dateStyle: 'long' })}</dd>
        </div>
        <div>
          <dt>{t('agenda.place')}</dt>
          <dd>{agenda.place}</dd>
        </div>
        <div>
          <dt>{t('agenda.source')}</dt>
          <dd>{agenda.sourceTitle}</dd>
        </div>
        {nextReview && (
          <div>
            <dt>{t('agenda.nextReview')}</dt>
            <dd>
              {nextReview.title}
              <br />
              {nextReview.planned
                ? t('agenda.planned', { date: format.dateTime(parseIsoDate(nextReview.occursOn), { dateStyle: 'medium' }) })
                : format.dateTime(parseIsoDate(nextReview.occursOn), { dateStyle: 'medium' })}
            </dd>
          </div>
        )}
      </dl>
      {hasDemoData && (
        <p className="notice">
          <span className="badge">{t('app.demoData')}</span> {t('app.demoDataNote')}
        </p>
      )}
    </section>
  );
}
