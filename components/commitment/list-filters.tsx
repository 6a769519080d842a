import { getLocale, getTranslations } from 'next-intl/server';
import { StageSwatch } from '@/components/stage-swatch';
import { type CommitmentFilters, DEFAULT_PAGE_SIZE, SORTS } from '@/lib/domain/commitment-filters';
import { CONFIRMATION_FILTERS } from '@/lib/domain/confirmation';
import { HEALTHS, STAGES } from '@/lib/domain/stages';
import type { AgendaOption, OrganisationOption, SectorOption } from '@/lib/server/forms/reference-data';

interface Props {
  filters: CommitmentFilters;
  agendas: AgendaOption[];
  sectors: SectorOption[];
  organisations: OrganisationOption[];
}

const PAGE_SIZES = [10, 25, 50, 100];

/** The filters as a plain GET form: works without JavaScript, and the URL it makes can be shared. */
export async function ListFilters({ filters, agendas, sectors, organisations }: Props) {
  const [t, tStage, tHealth, locale] = await Promise.all([
    getTranslations('commitments.filters'), getTranslations('stage'), getTranslations('health'), getLocale(),
  ]);
  const regions = new Intl.DisplayNames([locale], { type: 'region' });
  const countries = [...new Set(organisations.map((o) => o.country))];
  return (
    <form method="get" action="/commitments" className="filters" aria-labelledby="filters-heading">
      <h2 id="filters-heading" className="visually-hidden">{t('heading')}</h2>
      {/* A list opened "as of" a past day stays so while other filters change; the notice below clears it. */}
      {filters.asOf && <input type="hidden" name="asOf" value={filters.asOf} />}
      {filters.view === 'confirmed' && <input type="hidden" name="view" value="confirmed" />}
      <div className="filters__grid">
        <div className="field filters__search">
          <label htmlFor="filter-q">{t('q')}</label>
          <input id="filter-q" name="q" type="search" defaultValue={filters.q ?? ''} maxLength={200} />
        </div>
        {agendas.length > 1 && (
          <div className="field">
            <label htmlFor="filter-agenda">{t('agenda')}</label>
            <select id="filter-agenda" name="agenda" defaultValue={filters.agenda ?? ''}>
              <option value="">{t('allAgendas')}</option>
              {agendas.map((a) => <option key={a.slug} value={a.slug}>{a.title}</option>)}
            </select>
          </div>
        )}
        <div className="field">
          <label htmlFor="filter-sector">{t('sector')}</label>
          <select id="filter-sector" name="sector" defaultValue={filters.sector ?? ''}>
            <option value="">{t('allSectors')}</option>
            {sectors.map((s) => <option key={s.slug} value={s.slug}>{s.name}</option>)}
          </select>
        </div>
        <div className="field">
          <label htmlFor="filter-organisation">{t('organisation')}</label>
          <select id="filter-organisation" name="organisation" defaultValue={filters.organisation ?? ''}>
            <option value="">{t('allOrganisations')}</option>
            {countries.map((c) => (
              <optgroup key={c} label={regions.of(c) ?? c}>
                {organisations.filter((o) => o.country === c).map((o) => <option key={o.id} value={o.id}>{o.name}</option>)}
              </optgroup>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="filter-confirmation">{t('confirmation')}</label>
          <select id="filter-confirmation" name="confirmation" defaultValue={filters.confirmation ?? ''}>
            <option value="">{t('anyConfirmation')}</option>
            {CONFIRMATION_FILTERS.map((c) => <option key={c} value={c}>{t(`confirmationOf.${c}`)}</option>)}
          </select>
        </div>
      </div>
      <div className="filters__grid">
        <fieldset className="field">
          <legend>{t('stage')}</legend>
          <div className="choices">
            {STAGES.map((s) => (
              <label key={s} className="choice">
                <input type="checkbox" name="stage" value={s} defaultChecked={filters.stage.includes(s)} /> <StageSwatch stage={s} /> {tStage(s)}
              </label>
            ))}
          </div>
        </fieldset>
        <fieldset className="field">
          <legend>{t('health')}</legend>
          <div className="choices">
            {HEALTHS.map((h) => (
              <label key={h} className="choice">
                <input type="checkbox" name="health" value={h} defaultChecked={filters.health.includes(h)} /> {tHealth(h)}
              </label>
            ))}
          </div>
        </fieldset>
        <fieldset className="field">
          <legend>{t('attention')}</legend>
          <div className="choices">
            <label className="choice">
              <input type="checkbox" name="overdue" value="1" defaultChecked={filters.overdue} /> {t('overdue')}
            </label>
            <label className="choice">
              <input type="checkbox" name="stale" value="1" defaultChecked={filters.stale} /> {t('stale')}
            </label>
          </div>
        </fieldset>
      </div>
      <div className="filters__grid filters__bar">
        <div className="field">
          <label htmlFor="filter-sort">{t('sort')}</label>
          <select id="filter-sort" name="sort" defaultValue={filters.sort}>
            {SORTS.map((s) => <option key={s} value={s}>{t(`sortBy.${s}`)}</option>)}
          </select>
        </div>
        <div className="field">
          <label htmlFor="filter-order">{t('order')}</label>
          <select id="filter-order" name="order" defaultValue={filters.order}>
            <option value="asc">{t('asc')}</option>
            <option value="desc">{t('desc')}</option>
          </select>
        </div>
        <div className="field">
          <label htmlFor="filter-page-size">{t('pageSize')}</label>
          <select id="filter-page-size" name="pageSize" defaultValue={filters.pageSize === DEFAULT_PAGE_SIZE ? '' : String(filters.pageSize)}>
            {[...new Set([...PAGE_SIZES, filters.pageSize])].sort((a, b) => a - b).map((n) => (
              <option key={n} value={n === DEFAULT_PAGE_SIZE ? '' : String(n)}>{n}</option>
            ))}
          </select>
        </div>
        <div className="filters__actions">
          <button type="submit" className="button">{t('apply')}</button>{' '}
          <a href="/commitments">{t('clear')}</a>
        </div>
      </div>
    </form>
  );
}
