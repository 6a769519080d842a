import type { DashboardView } from '@/lib/domain/confirmation';
import { dashboardText } from './text';

/** The address of a dashboard page in a view: `?view=confirmed` shares the confirmed figures; reported is the default. */
export function viewHref(path: string, agenda: string, view: DashboardView): string {
  const params = new URLSearchParams({ agenda });
  if (view === 'confirmed') params.set('view', 'confirmed');
  return `${path}?${params.toString()}`;
}

/** Switches every figure of the page between "as reported" and "confirmed by both", as links. */
export async function ViewSwitch({ path, agenda, view }: { path: string; agenda: string; view: DashboardView }) {
  const { t } = await dashboardText();
  return (
    <div className="dash-view">
      <nav aria-label={t('view.label')}>
        <ul className="dash-view__choices">
          {(['reported', 'confirmed'] as const).map((v) => (
            <li key={v}>
              <a href={viewHref(path, agenda, v)} aria-current={v === view ? 'page' : undefined} className="dash-view__choice">
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
