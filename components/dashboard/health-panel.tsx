import { commitmentsHref } from '@/lib/domain/commitment-filters';
import type { HealthCounts } from '@/lib/domain/dashboard-series';
import { HEALTHS } from '@/lib/domain/stages';
import { Panel } from './panel';
import type { LinkScope } from './scope';
import { dashboardText } from './text';

export async function HealthPanel({ health, scope, demo }: { health: Promise<HealthCounts>; scope: LinkScope; demo: boolean }) {
  const [counts, { t, format, healthLabels }] = await Promise.all([health, dashboardText()]);
  return (
    <Panel id="health" heading={t('health.heading')} demo={demo} t={t}>
      <p className="dash-panel__summary">{t('health.caption')}</p>
      <ul className="cards">
        {HEALTHS.map((h) => (
          <li className={`card dash-card--${h}`} key={h}>
            <a href={commitmentsHref({ ...scope, health: [h] })} className="dash-card__link">
              <span className="card__label">
                <span className={`dash-health-dot dash-health-dot--${h}`} aria-hidden="true" /> {healthLabels[h]}
              </span>
              <span className="card__value">{format.number(counts[h])}</span>
            </a>
          </li>
        ))}
      </ul>
    </Panel>
  );
}
