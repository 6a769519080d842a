import { Suspense } from 'react';
import { type ChartTable, chartTableLinks, dashboardHref } from '@/lib/domain/dashboard-links';
import type { DashboardShell } from '@/lib/server/dashboard';
import { MOVES_WINDOW_DAYS } from '@/lib/server/dashboard';
import { OverduePanel, StalePanel } from './attention-lists';
import { HeadlinePanel } from './headline-panel';
import { HealthPanel } from './health-panel';
import { LatestUpdatesPanel } from './latest-updates';
import { MovementPanel } from './movement-panel';
import { MovesPanel } from './moves-panel';
import { PanelSkeleton } from './panel';
import { PipelinePanel } from './pipeline-panel';
import type { LinkScope } from './scope';
import { SectorCommitments } from './sector-commitments';
import { dashboardText } from './text';
import { ViewSwitch } from './view-switch';

/**
 * Every panel of the dashboard, each in its own Suspense boundary: the page's frame paints at once
 * and each panel streams in as its own query answers. Used by `/` and by `/sectors/[slug]`. A chart's
 * table is rendered only when the address asks for it (`table`), so the page stays light.
 */
export async function DashboardView({ shell, table }: { shell: DashboardShell; table?: ChartTable }) {
  const { t } = await dashboardText();
  const { panels, agenda, sector, hasDemoData: demo } = shell;
  const scope: LinkScope = { agenda: agenda.slug, sector: sector?.slug, view: shell.view === 'confirmed' ? 'confirmed' : undefined };
  const loading = t('loadingPanel');
  const path = sector ? `/sectors/${sector.slug}` : '/';
  const tableLinks = (chart: ChartTable) => chartTableLinks(path, { agenda: agenda.slug, view: shell.view }, chart, table);
  return (
    <div className="dash">
      <p className="dash-as-of">{t('asOf', { date: shell.now })}</p>
      <ViewSwitch path={path} agenda={agenda.slug} view={shell.view} table={table} t={t} />
      <Suspense fallback={<PanelSkeleton height={110} label={loading} />}>
        <HeadlinePanel headline={panels.headline} scope={scope} movesDays={MOVES_WINDOW_DAYS} demo={demo} />
      </Suspense>
      {!sector && shell.sectors.length > 0 && (
        <nav aria-label={t('sectorsNav')} className="dash-sectors">
          <h2 className="visually-hidden">{t('sectorsNav')}</h2>
          <ul>
            {shell.sectors.map((s) => (
              <li key={s.id}>
                <a href={dashboardHref(`/sectors/${s.slug}`, { agenda: agenda.slug, view: shell.view })}>{s.name}</a>
              </li>
            ))}
          </ul>
        </nav>
      )}
      <Suspense fallback={<PanelSkeleton height={shell.scopeSectors.length * 34 + 48} label={loading} />}>
        <PipelinePanel matrix={panels.matrix} scope={scope} demo={demo} linkSectors={!sector} tableLinks={tableLinks('pipeline')} />
      </Suspense>
      <Suspense fallback={<PanelSkeleton height={320} label={loading} />}>
        <MovementPanel points={panels.movement} events={shell.events} signedOn={agenda.signedOn} today={shell.today} scope={scope} demo={demo} tableLinks={tableLinks('movement')} />
      </Suspense>
      <div className="dash-pair">
        <Suspense fallback={<PanelSkeleton height={shell.scopeSectors.length * 40 + 48} label={loading} />}>
          <MovesPanel moves={panels.moves} scope={scope} days={MOVES_WINDOW_DAYS} demo={demo} tableLinks={tableLinks('moves')} />
        </Suspense>
        <Suspense fallback={<PanelSkeleton height={120} label={loading} />}>
          <HealthPanel health={panels.health} scope={scope} demo={demo} />
        </Suspense>
      </div>
      <div className="dash-pair">
        <Suspense fallback={<PanelSkeleton label={loading} />}>
          <OverduePanel list={panels.overdue} scope={scope} demo={demo} />
        </Suspense>
        <Suspense fallback={<PanelSkeleton label={loading} />}>
          <StalePanel list={panels.stale} scope={scope} demo={demo} />
        </Suspense>
      </div>
      <Suspense fallback={<PanelSkeleton label={loading} />}>
        <LatestUpdatesPanel updates={panels.latest} now={shell.now} scope={scope} demo={demo} />
      </Suspense>
      {sector && panels.commitments && (
        <Suspense fallback={<PanelSkeleton height={400} label={loading} />}>
          <SectorCommitments list={panels.commitments} sectorName={sector.name} scope={scope} demo={demo} />
        </Suspense>
      )}
    </div>
  );
}
