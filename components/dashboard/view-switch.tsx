import type { DashboardView } from '@/lib/domain/confirmation';
import { type ChartTable, dashboardHref } from '@/lib/domain/dashboard-links';
import type { DashboardText } from './text';

/** Switches every figure of the page between "as reported" and "confirmed by both", as links; an open chart table stays open. */
export function ViewSwitch({ path, agenda, view, table, t }: { path: string; agenda: string; view: DashboardView; table?: ChartTable; t: DashboardText['t'] }) {
  return (
    <div className="dash-view">
      <nav aria-label={t('view.label')}>
        <ul className="dash-view__choices">
          {(['reported', 'confirmed'] as const).map((v) => (
            <li key={v}>
              <a href={dashboardHref(path, { agenda, view: v, table })} aria-current={v === view ? 'page' : undefined} className="dash-view__choice">
                {t(`view.${v}`)}
              </a>
            </li>
          ))}
        </ul>
      </nav>
      <p className="dash-view__note">{t(view === 'confirmed' ? 'view.confirmedNote' : 'view.reportedNote')}</p>
    </div>
  );
}
