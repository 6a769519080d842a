import { BarRows } from '@/components/charts/bar-rows';
import { MOVE_COLOURS } from '@/components/charts/colours';
import { commitmentsHref } from '@/lib/domain/commitment-filters';
import type { ChartTableLinks } from '@/lib/domain/dashboard-links';
import type { MoveSeries } from '@/lib/domain/dashboard-series';
import { summariseMoves } from '@/lib/domain/dashboard-summaries';
import { ChartPanel } from './panel';
import type { LinkScope } from './scope';
import { dashboardText } from './text';

interface Props {
  moves: Promise<MoveSeries>;
  scope: LinkScope;
  days: number;
  demo: boolean;
  tableLinks: ChartTableLinks;
}

export async function MovesPanel({ moves: movesPromise, scope, days, demo, tableLinks }: Props) {
  const [moves, { t, format, summary }] = await Promise.all([movesPromise, dashboardText()]);
  const labels = { forward: t('moves.forward'), backward: t('moves.backward') };
  // The list has no "moved lately" filter: a sector's commitments, latest updated first, put the movers on top.
  const href = (sector: string) => commitmentsHref({ ...scope, sector, sort: 'updated' });
  const table = () => (
    <div className="table-wrap">
      <table>
        <caption>{t('moves.caption', { days })}</caption>
        <thead>
          <tr>
            <th scope="col">{t('moves.sector')}</th>
            <th scope="col" className="num">{labels.forward}</th>
            <th scope="col" className="num">{labels.backward}</th>
          </tr>
        </thead>
        <tbody>
          {moves.rows.map((r) => (
            <tr key={r.slug}>
              <th scope="row">{r.sector}</th>
              <td className="num"><a href={href(r.slug)}>{format.number(r.forward)}</a></td>
              <td className="num"><a href={href(r.slug)}>{format.number(r.backward)}</a></td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
  const legend = (
    <ul className="dash-legend" aria-hidden="true">
      <li><span className="swatch" style={{ background: MOVE_COLOURS.forward }} /> {labels.forward}</li>
      <li><span className="swatch" style={{ background: MOVE_COLOURS.backward }} /> {labels.backward}</li>
    </ul>
  );
  return (
    <ChartPanel
      id="moves"
      heading={t('moves.heading', { days })}
      demo={demo}
      summary={summary(summariseMoves(moves, days))}
      chartLabel={t('moves.chartLabel', { days })}
      legend={legend}
      chart={
        <BarRows
          formatTick={(n) => format.number(n)}
          rows={moves.rows.map((r) => ({
            key: r.slug,
            label: r.sector,
            values: [format.number(r.forward), format.number(r.backward)],
            bars: (['forward', 'backward'] as const).map((way) => [
              { key: way, value: r[way], colour: MOVE_COLOURS[way], href: href(r.slug), title: t('chartSegment', { group: r.sector, series: labels[way], count: r[way] }) },
            ]),
          }))}
        />
      }
      table={table}
      tableLinks={tableLinks}
      t={t}
    />
  );
}
