import { StageSwatch } from '@/components/stage-swatch';
import type { CommitmentList, CommitmentListItem } from '@/lib/server/dashboard';
import { commitmentsHref } from '@/lib/domain/commitment-filters';
import { parseIsoDate } from '@/lib/domain/dates';
import { STALE_AFTER_DAYS } from '@/lib/domain/freshness';
import { Panel } from './panel';
import type { LinkScope } from './scope';
import { type DashboardText as Text, dashboardText } from './text';

function Item({ c, detail, text }: { c: CommitmentListItem; detail: string; text: Text }) {
  return (
    <li>
      <a href={`/commitments/${c.id}`}>
        <span className="dash-ref">{c.reference}</span> {c.title}
      </a>
      <span className="dash-meta">
        <StageSwatch stage={c.stage} /> {text.stageLabels[c.stage]} · {text.healthLabels[c.health]} · {detail}
      </span>
    </li>
  );
}

function SeeAll({ list, href, text }: { list: CommitmentList; href: string; text: Text }) {
  return (
    <p className="dash-see-all">
      <a href={href}>{text.t('lists.seeAll', { count: list.total })}</a>
    </p>
  );
}

export async function OverduePanel({ list: listPromise, scope, demo }: { list: Promise<CommitmentList>; scope: LinkScope; demo: boolean }) {
  const [list, text] = await Promise.all([listPromise, dashboardText()]);
  const { t } = text;
  return (
    <Panel id="overdue" heading={`${t('lists.overdueHeading')} (${text.format.number(list.total)})`} demo={demo} t={t}>
      {list.items.length === 0 ? (
        <p>{t('lists.noneOverdue')}</p>
      ) : (
        <ol className="dash-list">
          {list.items.map((c) => (
            <Item key={c.id} c={c} text={text} detail={t('lists.due', { date: parseIsoDate(c.dueDate!) })} />
          ))}
        </ol>
      )}
      <SeeAll list={list} href={commitmentsHref({ ...scope, overdue: true })} text={text} />
    </Panel>
  );
}

export async function StalePanel({ list: listPromise, scope, demo }: { list: Promise<CommitmentList>; scope: LinkScope; demo: boolean }) {
  const [list, text] = await Promise.all([listPromise, dashboardText()]);
  const { t } = text;
  return (
    <Panel id="stale" heading={`${t('lists.staleHeading', { days: STALE_AFTER_DAYS })} (${text.format.number(list.total)})`} demo={demo} t={t}>
      {list.items.length === 0 ? (
        <p>{t('lists.noneStale', { days: STALE_AFTER_DAYS })}</p>
      ) : (
        <ol className="dash-list">
          {list.items.map((c) => (
            <Item
              key={c.id}
              c={c}
              text={text}
              detail={c.lastUpdateAt ? t('lists.lastUpdate', { date: c.lastUpdateAt }) : t('lists.created', { date: c.createdAt })}
            />
          ))}
        </ol>
      )}
      <SeeAll list={list} href={commitmentsHref({ ...scope, stale: true })} text={text} />
    </Panel>
  );
}
