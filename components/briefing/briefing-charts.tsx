import { BarRows } from '@/components/charts/bar-rows';
import { StageAreaChart } from '@/components/charts/stage-area-chart';
import { StageLegend } from '@/components/dashboard/legend';
import { StageHeaderCells } from '@/components/stage-swatch';
import type { Briefing } from '@/lib/domain/briefing';
import { commitmentsHref } from '@/lib/domain/commitment-filters';
import { STAGE_COLOURS } from '@/lib/domain/stage-colours';
import { STAGES, type Stage } from '@/lib/domain/stages';

interface Props {
  briefing: Briefing;
  labels: Record<Stage, string>;
  t: (key: string, values?: Record<string, string | number>) => string;
  formatNumber: (n: number) => string;
  formatMonth: (t: number) => string;
}

/** The pipeline as at `to` and the movement over the period, drawn as on the dashboard, each with its table. */
export function BriefingCharts({ briefing: b, labels, t, formatNumber, formatMonth }: Props) {
  const scope = { agenda: b.agenda.slug, asOf: b.to };
  const rows = b.pipeline.rows.filter((r) => r.total > 0);
  const now = b.movement.at(-1);
  return (
    <section className="briefing-section briefing-keep" aria-labelledby="briefing-charts">
      <h2 id="briefing-charts">{t('charts.heading')}</h2>
      <StageLegend labels={labels} />
      <figure className="briefing-figure">
        <figcaption>{t('charts.pipeline', { date: b.to })}</figcaption>
        <BarRows
          formatTick={formatNumber}
          rows={rows.map((r) => ({
            key: r.sector.slug,
            label: r.sector.name,
            values: [formatNumber(r.total)],
            bars: [STAGES.map((s) => ({
              key: s, value: r.counts[s], colour: STAGE_COLOURS[s], href: commitmentsHref({ ...scope, sector: r.sector.slug, stage: [s] }),
              title: `${r.sector.name} · ${labels[s]}: ${r.counts[s]}`,
            }))],
          }))}
        />
        <div className="table-wrap">
          <table>
            <caption className="visually-hidden">{t('charts.pipeline', { date: b.to })}</caption>
            <thead>
              <tr>
                <th scope="col">{t('charts.sector')}</th>
                <StageHeaderCells labels={labels} />
                <th scope="col" className="num">{t('charts.total')}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((r) => (
                <tr key={r.sector.slug}>
                  <th scope="row">{r.sector.name}</th>
                  {STAGES.map((s) => (
                    <td key={s} className="num"><a href={commitmentsHref({ ...scope, sector: r.sector.slug, stage: [s] })}>{formatNumber(r.counts[s])}</a></td>
                  ))}
                  <td className="num"><a href={commitmentsHref({ ...scope, sector: r.sector.slug })}>{formatNumber(r.total)}</a></td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </figure>
      <figure className="briefing-figure">
        <figcaption>{t('charts.movement', { from: b.from, to: b.to })}</figcaption>
        <StageAreaChart
          points={b.movement}
          events={[]}
          stages={Object.fromEntries(STAGES.map((s) => [s, { href: commitmentsHref({ ...scope, stage: [s] }), title: `${labels[s]}: ${now?.[s] ?? 0}` }])) as Record<Stage, { href: string; title: string }>}
          formatCount={formatNumber}
          formatMonth={formatMonth}
        />
      </figure>
    </section>
  );
}
