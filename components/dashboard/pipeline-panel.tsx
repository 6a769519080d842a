import { BarRows } from '@/components/charts/bar-rows';
import { StageHeaderCells } from '@/components/stage-swatch';
import { commitmentsHref } from '@/lib/domain/commitment-filters';
import type { ChartTableLinks } from '@/lib/domain/dashboard-links';
import { pipelineSeries } from '@/lib/domain/dashboard-series';
import { summarisePipeline } from '@/lib/domain/dashboard-summaries';
import type { StageMatrix } from '@/lib/domain/stage-matrix';
import { STAGE_COLOURS } from '@/lib/domain/stage-colours';
import { STAGES } from '@/lib/domain/stages';
import { StageLegend } from './legend';
import { ChartPanel } from './panel';
import type { LinkScope } from './scope';
import { dashboardText } from './text';

interface Props {
  matrix: Promise<StageMatrix>;
  scope: LinkScope;
  demo: boolean;
  tableLinks: ChartTableLinks;
  /** Whether sector names link to their sector pages (not on a sector's own page). */
  linkSectors: boolean;
}

export async function PipelinePanel({ matrix: matrixPromise, scope, demo, linkSectors, tableLinks }: Props) {
  const [matrix, { t, format, stageLabels, summary }] = await Promise.all([matrixPromise, dashboardText()]);
  const rows = pipelineSeries(matrix);
  const agendaQuery = scope.agenda ? `?agenda=${encodeURIComponent(scope.agenda)}` : '';
  const table = () => (
    <div className="table-wrap">
      <table>
        <caption>{t('pipeline.caption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('pipeline.sector')}</th>
            <StageHeaderCells labels={stageLabels} />
            <th scope="col" className="num">{t('pipeline.total')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.slug}>
              <th scope="row">{linkSectors ? <a href={`/sectors/${r.slug}${agendaQuery}`}>{r.sector}</a> : r.sector}</th>
              {STAGES.map((s) => (
                <td className="num" key={s}>
                  <a href={commitmentsHref({ ...scope, sector: r.slug, stage: [s] })}>{format.number(r.counts[s])}</a>
                </td>
              ))}
              <td className="num">
                <a href={commitmentsHref({ ...scope, sector: r.slug })}>{format.number(r.total)}</a>
              </td>
            </tr>
          ))}
        </tbody>
        {rows.length > 1 && (
          <tfoot>
            <tr>
              <th scope="row">{t('pipeline.allSectors')}</th>
              {STAGES.map((s) => (
                <td className="num" key={s}>
                  <a href={commitmentsHref({ ...scope, stage: [s] })}>{format.number(matrix.totals[s])}</a>
                </td>
              ))}
              <td className="num">
                <a href={commitmentsHref(scope)}>{format.number(matrix.total)}</a>
              </td>
            </tr>
          </tfoot>
        )}
      </table>
    </div>
  );
  return (
    <ChartPanel
      id="pipeline"
      heading={t('pipeline.heading')}
      demo={demo}
      summary={summary(summarisePipeline(rows))}
      chartLabel={t(linkSectors ? 'pipeline.chartLabel' : 'pipeline.chartLabelOneSector')}
      legend={<StageLegend labels={stageLabels} />}
      chart={
        <BarRows
          formatTick={(n) => format.number(n)}
          rows={rows.map((r) => ({
            key: r.slug,
            label: r.sector,
            values: [format.number(r.total)],
            bars: [
              STAGES.map((s) => ({
                key: s,
                value: r.counts[s],
                colour: STAGE_COLOURS[s],
                href: commitmentsHref({ ...scope, sector: r.slug, stage: [s] }),
                title: t('chartSegment', { group: r.sector, series: stageLabels[s], count: r.counts[s] }),
              })),
            ],
          }))}
        />
      }
      table={table}
      tableLinks={tableLinks}
      t={t}
    />
  );
}
