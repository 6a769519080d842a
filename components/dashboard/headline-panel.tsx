import { commitmentsHref } from '@/lib/domain/commitment-filters';
import type { Headline } from '@/lib/domain/dashboard-series';
import { STALE_AFTER_DAYS } from '@/lib/domain/freshness';
import { Panel } from './panel';
import type { LinkScope } from './scope';
import { dashboardText } from './text';

interface Props {
  headline: Promise<Headline>;
  scope: LinkScope;
  movesDays: number;
  demo: boolean;
}

export async function HeadlinePanel({ headline, scope, movesDays, demo }: Props) {
  const [h, { t, format }] = await Promise.all([headline, dashboardText()]);
  const cards = [
    { key: 'total', label: t('headline.total'), value: format.number(h.total), note: t('headline.totalNote'), href: commitmentsHref(scope) },
    {
      key: 'advanced',
      label: t('headline.advanced'),
      value: format.number(h.advanced),
      note: t('headline.advancedShare', { share: h.advancedShare }),
      href: commitmentsHref({ ...scope, stage: ['measurable', 'achieved'] }),
    },
    {
      key: 'moved',
      label: t('headline.movedForward'),
      value: format.number(h.movedForward),
      note: t('headline.movedForwardNote', { days: movesDays }),
      // The list cannot filter by "moved lately"; latest updated first puts these commitments on top.
      href: commitmentsHref({ ...scope, sort: 'updated' }),
    },
    { key: 'overdue', label: t('headline.overdue'), value: format.number(h.overdue), note: t('headline.overdueNote'), href: commitmentsHref({ ...scope, overdue: true }) },
    {
      key: 'stale',
      label: t('headline.stale'),
      value: format.number(h.stale),
      note: t('headline.staleNote', { days: STALE_AFTER_DAYS }),
      href: commitmentsHref({ ...scope, stale: true }),
    },
    {
      key: 'awaiting',
      label: t('headline.awaiting'),
      value: format.number(h.awaiting),
      note: t('headline.awaitingNote', { days: h.oldestAwaitingDays ?? -1 }),
      href: commitmentsHref({ ...scope, confirmation: 'awaiting' }),
    },
    {
      key: 'disputed',
      label: t('headline.disputed'),
      value: format.number(h.disputed),
      note: t('headline.disputedNote'),
      href: commitmentsHref({ ...scope, confirmation: 'disputed' }),
    },
  ];
  return (
    <Panel id="headline" heading={t('headline.heading')} demo={demo} t={t}>
      <ul className="cards dash-headline">
        {cards.map((c) => (
          <li className={`card dash-card--${c.key}`} key={c.key}>
            <a href={c.href} className="dash-card__link">
              <span className="card__label">{c.label}</span>
              <span className="card__value">{c.value}</span>
              <span className="dash-card__note">{c.note}</span>
            </a>
          </li>
        ))}
      </ul>
    </Panel>
  );
}
