import { getFormatter, getTranslations } from 'next-intl/server';
import type { IndicatorView } from '@/lib/server/commitments';
import { LazyIndicatorChart } from './indicator-chart-lazy';
import { isoDateToMs, parseIsoDate } from '@/lib/domain/dates';
import { indicatorPoints, indicatorProgress } from '@/lib/domain/indicator-progress';
import { timelineHref } from '@/lib/domain/timeline-paging';

interface Props {
  commitmentId: string;
  indicator: IndicatorView;
  /** The updates on this page of the timeline: a reading of another links to the page that shows it. */
  shownUpdates: Set<string>;
}

/** One indicator: its summary in words, the chart, and the same figures (its most recent readings) as a table. */
export async function IndicatorPanel({ commitmentId, indicator: ind, shownUpdates }: Props) {
  const t = await getTranslations('commitments.indicators');
  const format = await getFormatter();
  const day = (iso: string) => format.dateTime(parseIsoDate(iso), { dateStyle: 'medium' });
  const num = (n: number) => format.number(n);
  const progress = indicatorProgress(ind, ind.readings);
  const base = { unit: ind.unit, baseline: num(ind.baselineValue), target: num(ind.targetValue) };

  let summary: string;
  if (!progress.latest) {
    summary = t('summaryNone', { ...base, baselineDate: day(ind.baselineDate), targetDate: day(ind.targetDate) });
  } else {
    const latest = { ...base, value: num(progress.latest.value), date: day(progress.latest.asOf) };
    if (progress.met) summary = t('summaryMet', latest);
    else if (progress.fraction === undefined || progress.fraction < 0) summary = t('summaryAway', latest);
    else summary = t('summaryProgress', { ...latest, share: format.number(progress.fraction, { style: 'percent', maximumFractionDigits: 0 }) });
  }
  const headingId = `indicator-${ind.id}`;
  const sorted = [...ind.readings].sort((a, b) => a.asOf.localeCompare(b.asOf));
  const leftOut = ind.readingsLeftOut > 0
    ? t('leftOut', { count: ind.readingsLeftOut, kept: ind.readings.length })
    : null;
  const updateHref = (updateId: string, sequence: number) => shownUpdates.has(updateId)
    ? `#update-${updateId}`
    : timelineHref(commitmentId, sequence + 1, `update-${updateId}`);

  return (
    <section className="indicator" aria-labelledby={headingId}>
      <h3 id={headingId}>
        {ind.name} {ind.isDemo && <span className="badge">{t('demo')}</span>}
      </h3>
      <dl className="facts facts--compact">
        <div>
          <dt>{t('baseline')}</dt>
          <dd>{t('valueOn', { value: num(ind.baselineValue), unit: ind.unit, date: day(ind.baselineDate) })}</dd>
        </div>
        <div>
          <dt>{t('target')}</dt>
          <dd>{t('valueBy', { value: num(ind.targetValue), unit: ind.unit, date: day(ind.targetDate) })}</dd>
        </div>
        <div>
          <dt>{t('direction')}</dt>
          <dd>{t(ind.direction === 'lower_is_better' ? 'lowerIsBetter' : 'higherIsBetter')}</dd>
        </div>
      </dl>
      <figure className="indicator__figure">
        <figcaption className="indicator__summary">{summary}</figcaption>
        <LazyIndicatorChart
          points={indicatorPoints(ind, ind.readings)} baseline={ind.baselineValue} target={ind.targetValue}
          targetTime={isoDateToMs(ind.targetDate)} unit={ind.unit} summary={summary}
        />
        {leftOut && <p className="indicator__left-out">{leftOut}</p>}
      </figure>
      <details className="indicator__table">
        <summary>{t('showTable')}</summary>
        <div className="table-wrap">
          <table>
            <caption>
              {t('tableCaption', { name: ind.name, unit: ind.unit })}
              {leftOut && <> <span className="indicator__left-out">{leftOut}</span></>}
            </caption>
            <thead>
              <tr>
                <th scope="col">{t('date')}</th>
                <th scope="col" className="num">{t('value', { unit: ind.unit })}</th>
                <th scope="col">{t('source')}</th>
              </tr>
            </thead>
            <tbody>
              <tr>
                <td>{day(ind.baselineDate)}</td>
                <td className="num">{num(ind.baselineValue)}</td>
                <td>{t('baseline')}</td>
              </tr>
              {sorted.map((r) => (
                <tr key={`${r.statusUpdateId}-${r.indicatorId}`}>
                  <td>{day(r.asOf)}</td>
                  <td className="num">{num(r.value)}</td>
                  <td>
                    <a href={updateHref(r.statusUpdateId, r.sequence)}>{t('fromUpdate', { sequence: r.sequence })}</a>
                  </td>
                </tr>
              ))}
            </tbody>
            <tfoot>
              <tr>
                <td>{day(ind.targetDate)}</td>
                <td className="num">{num(ind.targetValue)}</td>
                <td>{t('target')}</td>
              </tr>
            </tfoot>
          </table>
        </div>
      </details>
    </section>
  );
}
