import { getTranslations } from 'next-intl/server';
import type { AgendaOption, SectorOption } from '@/lib/server/forms/reference-data';

/** The briefing's agenda, sector and days as a plain GET form: the URL it makes can be shared. */
export async function BriefingFilters({ agendas, sectors, values }: { agendas: AgendaOption[]; sectors: SectorOption[]; values: Record<string, string> }) {
  const t = await getTranslations('briefing');
  return (
    <form method="get" action="/briefing" className="filters no-print" aria-labelledby="briefing-filters-heading">
      <h2 id="briefing-filters-heading" className="visually-hidden">{t('filters')}</h2>
      <div className="filters__grid">
        {agendas.length > 1 && (
          <div className="field">
            <label htmlFor="briefing-agenda">{t('agenda')}</label>
            <select id="briefing-agenda" name="agenda" defaultValue={values.agenda ?? ''}>
              {agendas.map((a) => <option key={a.slug} value={a.slug}>{a.title}</option>)}
            </select>
          </div>
        )}
        <div className="field">
          <label htmlFor="briefing-sector">{t('sector')}</label>
          <select id="briefing-sector" name="sector" defaultValue={values.sector ?? ''}>
            <option value="">{t('allSectors')}</option>
            {sectors.map((s) => <option key={s.slug} value={s.slug}>{s.name}</option>)}
          </select>
        </div>
        <div className="field">
          <label htmlFor="briefing-from">{t('from')}</label>
          <input id="briefing-from" name="from" type="date" defaultValue={values.from ?? ''} />
        </div>
        <div className="field">
          <label htmlFor="briefing-to">{t('to')}</label>
          <input id="briefing-to" name="to" type="date" defaultValue={values.to ?? ''} />
        </div>
      </div>
      <button type="submit" className="button">{t('show')}</button>
    </form>
  );
}
