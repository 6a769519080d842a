import { getFormatter, getLocale, getTranslations } from 'next-intl/server';
import { type Briefing, type BriefingCommitment, headlineHrefs, sharePercent } from '@/lib/domain/briefing';
import { HEALTHS, type Health, STAGES, type Stage } from '@/lib/domain/stages';
import { BriefingCharts } from './briefing-charts';

/** The briefing's body, the same for the live page and a held review's frozen record. */
export async function BriefingView({ briefing: b }: { briefing: Briefing }) {
  const [t, root, format, locale] = await Promise.all([getTranslations('briefing'), getTranslations(), getFormatter(), getLocale()]);
  const labels = Object.fromEntries(STAGES.map((s) => [s, root(`stage.${s}`)])) as Record<Stage, string>;
  const health = Object.fromEntries(HEALTHS.map((h) => [h, root(`health.${h}`)])) as Record<Health, string>;
  const hrefs = headlineHrefs(b);
  const h = b.headline;
  const month = new Intl.DateTimeFormat(locale, { month: 'short', year: 'numeric', timeZone: 'UTC' });
  const link = (c: BriefingCommitment) => <a href={`/commitments/${c.id}`}>{c.reference} {c.title}</a>;
  const demo = (c: { demo: boolean }) => c.demo && <> <span className="badge">{t('changes.demo')}</span></>;
  const figures: [string, string, string][] = [
    [t('headline.commitments'), t('headline.commitmentsValue', { now: h.commitments, then: h.commitmentsThen, created: h.created }), hrefs.commitments],
    [t('headline.forward'), format.number(h.movedForward), hrefs.updates],
    [t('headline.back'), format.number(h.movedBack), hrefs.updates],
    [t('headline.measurable'), t('headline.measurableValue', {
      then: sharePercent(h.measurableThen, h.commitmentsThen), now: sharePercent(h.measurableNow, h.commitments), countThen: h.measurableThen, countNow: h.measurableNow,
    }), hrefs.measurableNow],
    [t('headline.overdue'), format.number(h.overdue), hrefs.overdue],
    [t('headline.stale'), format.number(h.stale), hrefs.stale],
  ];
  return (
    <div className="briefing">
      {b.demo && <p className="notice"><span className="badge">{root('app.demoData')}</span> {t('demo')}</p>}
      <section className="briefing-section briefing-keep" aria-labelledby="briefing-headline">
        <h2 id="briefing-headline">{t('headline.heading')}</h2>
        <table className="briefing-headline">
          <caption className="visually-hidden">{t('headline.heading')}</caption>
          <tbody>
            {figures.map(([label, value, href]) => (
              <tr key={label}><th scope="row">{label}</th><td><a href={href}>{value}</a></td></tr>
            ))}
          </tbody>
        </table>
      </section>
      <BriefingCharts briefing={b} labels={labels} t={t} formatNumber={(n) => format.number(n)} formatMonth={(ms) => month.format(ms)} />
      <section className="briefing-section" aria-labelledby="briefing-changes">
        <h2 id="briefing-changes">{t('changes.heading')}</h2>
        {b.sectors.length === 0 && <p>{t('changes.none')}</p>}
        {b.sectors.map((sector) => (
          <section key={sector.slug} className="briefing-sector" aria-labelledby={`sector-${sector.slug}`}>
            <h3 id={`sector-${sector.slug}`}>{sector.name}</h3>
            <ul className="briefing-list">
              {sector.commitments.map((c) => (
                <li key={c.id} className="briefing-item">
                  <h4>{link(c)}{demo(c)}</h4>
                  <p>
                    {t('changes.stage')}: {t('changes.stageMove', { then: c.stageThen ? labels[c.stageThen] : t('changes.new'), now: labels[c.stageNow] })}
                    {' · '}{t('changes.health')}: {health[c.healthNow]}
                  </p>
                  {c.readings.length > 0 && (
                    <table className="briefing-readings">
                      <thead>
                        <tr>{['indicator', 'baseline', 'then', 'now', 'target'].map((k) => <th key={k} scope="col">{t(`changes.${k}`)}</th>)}</tr>
                      </thead>
                      <tbody>
                        {c.readings.map((r) => (
                          <tr key={r.indicator}>
                            <th scope="row">{r.indicator} ({r.unit})</th>
                            <td className="num">{format.number(r.baseline)}</td>
                            <td className="num">{r.then ? `${format.number(r.then.value)} (${r.then.asOf})` : t('changes.noReading')}</td>
                            <td className="num">{r.now ? `${format.number(r.now.value)} (${r.now.asOf})` : t('changes.noReading')}</td>
                            <td className="num">{format.number(r.target)}</td>
                          </tr>
                        ))}
                      </tbody>
                    </table>
                  )}
                  {c.evidence.length > 0 && (
                    <p>{t('changes.evidence')}: {c.evidence.map((e) => <a key={e} href={e} className="briefing-evidence">{e}</a>)}</p>
                  )}
                  {c.nextStep && <p>{t('changes.nextStep')}: {c.nextStep}</p>}
                </li>
              ))}
            </ul>
          </section>
        ))}
      </section>
      <section className="briefing-section briefing-sector" aria-labelledby="briefing-stuck">
        <h2 id="briefing-stuck">{t('stuck.heading')}</h2>
        {b.stuck.length === 0 && <p>{t('stuck.none')}</p>}
        <ul className="briefing-list">
          {b.stuck.map((c) => (
            <li key={c.id} className="briefing-item">
              <h3 className="briefing-item__title">{link(c)}{demo(c)}</h3>
              <p>{t('stuck.why')}: {stuckReasons(c, t).join(', ')}</p>
              <p>{t('stuck.leads')}: {c.leads.join('; ')}</p>
              {c.narrative && <p className="muted">{t('stuck.narrative')}: {c.narrative}</p>}
            </li>
          ))}
        </ul>
      </section>
      <section className="briefing-section" aria-labelledby="briefing-decisions">
        <h2 id="briefing-decisions">{t('decisions.heading')}</h2>
        {b.decisions.length === 0 && <p>{t('decisions.none')}</p>}
        <ul className="briefing-list">
          {b.decisions.map((c) => (
            <li key={c.id} className="briefing-item">
              <h3 className="briefing-item__title">{link(c)}{demo(c)}</h3>
              <p>{t('changes.health')}: {health[c.healthNow]} · {t('changes.nextStep')}: {c.nextStep}</p>
            </li>
          ))}
        </ul>
        <h3>{t('decisions.threads')}</h3>
        {b.threads.length === 0 && <p>{t('decisions.noThreads')}</p>}
        {b.threadsOpen > b.threads.length && <p className="muted">{t('decisions.threadsShown', { shown: b.threads.length, open: b.threadsOpen })}</p>}
        <ul className="briefing-list">
          {b.threads.map((th) => (
            <li key={th.id} className="briefing-item">
              <a href={`/commitments/${th.commitmentId}`}>{th.reference} {th.title}</a>{demo(th)}
              <p className="muted">{t('decisions.by', { author: th.author, date: th.createdAt.slice(0, 10) })}</p>
              <p>{th.body}</p>
            </li>
          ))}
        </ul>
      </section>
    </div>
  );
}

function stuckReasons(c: BriefingCommitment, t: (key: string, values?: Record<string, string>) => string): string[] {
  return [
    c.stageNow === 'stalled' && t('stuck.stalled'),
    c.healthNow === 'off_track' && t('stuck.offTrack'),
    c.overdue && t('stuck.overdue', { date: c.dueDate ?? '' }),
    c.stale && t('stuck.stale'),
  ].filter((x): x is string => Boolean(x));
}
