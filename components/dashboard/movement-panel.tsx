import { StageAreaChart } from '@/components/charts/stage-area-chart';
import { StageHeaderCells } from '@/components/stage-swatch';
import type { AgendaEvent } from '@/lib/server/dashboard';
import { commitmentsHref } from '@/lib/domain/commitment-filters';
import type { ChartTableLinks } from '@/lib/domain/dashboard-links';
import { chartEndDate, eventMarkers } from '@/lib/domain/dashboard-events';
import type { StagePoint } from '@/lib/domain/dashboard-series';
import { summariseMovement, summariseNextEvent } from '@/lib/domain/dashboard-summaries';
import { textDirection } from '@/i18n/config';
import { isoDateToMs, parseIsoDate } from '@/lib/domain/dates';
import { STAGES, type Stage } from '@/lib/domain/stages';
import { StageLegend } from './legend';
import { ChartPanel } from './panel';
import type { LinkScope } from './scope';
import { dashboardText } from './text';

interface Props {
  points: Promise<StagePoint[]>;
  events: AgendaEvent[];
  signedOn: string;
  today: string;
  scope: LinkScope;
  demo: boolean;
  tableLinks: ChartTableLinks;
}

export async function MovementPanel({ points: pointsPromise, events, signedOn, today, scope, demo, tableLinks }: Props) {
  const [points, { t, format, locale, stageLabels, summary }] = await Promise.all([pointsPromise, dashboardText()]);
  const until = chartEndDate(events, today);
  const markers = eventMarkers(events, { from: signedOn, until });
  const listed = events.filter((e) => e.occursOn >= signedOn && e.occursOn <= until);
  const chartEvents = markers.map((m) => ({
    t: isoDateToMs(m.date),
    label: m.kinds.map((k) => t(`movement.kind.${k}`)).join(' · ') + (m.planned ? ` (${t('movement.planned')})` : ''),
    planned: m.planned,
  }));
  const next = summariseNextEvent(events.map((e) => ({ title: e.title, date: e.occursOn, planned: e.planned })), today);
  const last = points.length - 1;
  const now = points[last];
  const month = new Intl.DateTimeFormat(locale, { month: 'short', year: 'numeric', timeZone: 'UTC' });
  const stageLinks = Object.fromEntries(
    STAGES.map((s) => [s, { href: commitmentsHref({ ...scope, stage: [s] }), title: t('movement.areaTitle', { stage: stageLabels[s], count: now?.[s] ?? 0 }) }]),
  ) as Record<Stage, { href: string; title: string }>;
  const table = () => (
    <div className="table-wrap dash-table-tall">
      <table className="dash-numbers">
        <caption>{t('movement.caption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('movement.week')}</th>
            <StageHeaderCells labels={stageLabels} />
            <th scope="col" className="num">{t('movement.total')}</th>
          </tr>
        </thead>
        <tbody>
          {points.map((p, i) => (
            <tr key={p.date}>
              <th scope="row">
                {i === last ? t('movement.now', { date: parseIsoDate(p.date) }) : format.dateTime(parseIsoDate(p.date), { dateStyle: 'medium' })}
              </th>
              {STAGES.map((s) => (
                <td key={s}>
                  <a href={commitmentsHref({ ...scope, stage: [s], asOf: i === last ? undefined : p.date })}>{format.number(p[s])}</a>
                </td>
              ))}
              <td>
                <a href={commitmentsHref({ ...scope, asOf: i === last ? undefined : p.date })}>{format.number(p.total)}</a>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
  return (
    <ChartPanel
      id="movement"
      heading={t('movement.heading')}
      demo={demo}
      summary={
        <>
          {summary(summariseMovement(points))}
          {next && <> {summary(next)}</>}
          {/* The chart keeps time running left to right, as dated charts do in Urdu print too; say so. */}
          {textDirection(locale) === 'rtl' && <> {t('movement.direction')}</>}
        </>
      }
      chartLabel={t('movement.chartLabel')}
      legend={<StageLegend labels={stageLabels} />}
      chart={
        <StageAreaChart
          points={points} events={chartEvents} stages={stageLinks}
          formatCount={(n) => format.number(n)} formatMonth={(t) => month.format(t)}
        />
      }
      table={() => (
        <>
          {listed.length > 0 && (
            <>
              <h3 className="dash-events-heading">{t('movement.events')}</h3>
              <ul className="dash-events">
                {listed.map((e) => (
                  <li key={e.id}>{t(e.planned ? 'movement.eventItemPlanned' : 'movement.eventItem', { date: parseIsoDate(e.occursOn), title: e.title })}</li>
                ))}
              </ul>
            </>
          )}
          {table()}
        </>
      )}
      tableLinks={tableLinks}
      t={t}
    />
  );
}
