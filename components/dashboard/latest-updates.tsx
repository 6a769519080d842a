import { StageSwatch } from '@/components/stage-swatch';
import { commitmentsHref } from '@/lib/domain/commitment-filters';
import type { LatestUpdate } from '@/lib/server/dashboard';
import { Panel } from './panel';
import type { LinkScope } from './scope';
import { dashboardText } from './text';

interface Props {
  updates: Promise<LatestUpdate[]>;
  now: Date;
  scope: LinkScope;
  demo: boolean;
}

/** The few latest status updates; the list, latest updated first, has the rest. */
export async function LatestUpdatesPanel({ updates: updatesPromise, now, scope, demo }: Props) {
  const [updates, { t, format, stageLabels }] = await Promise.all([updatesPromise, dashboardText()]);
  return (
    <Panel id="latest" heading={t('latest.heading')} demo={demo} t={t}>
      {updates.length === 0 ? (
        <p>{t('latest.none')}</p>
      ) : (
        <ol className="dash-list dash-updates">
          {updates.map((u) => (
            <li key={u.id}>
              <a href={`/commitments/${u.commitmentId}`}>
                <span className="dash-ref">{u.reference}</span> {u.title}
              </a>
              <span className="dash-meta">
                {u.stageBefore === u.stageAfter ? (
                  <>
                    <StageSwatch stage={u.stageAfter} /> {stageLabels[u.stageAfter]} ({t('latest.noChange')})
                  </>
                ) : (
                  <>
                    <span className="visually-hidden">{t('latest.move', { from: stageLabels[u.stageBefore], to: stageLabels[u.stageAfter] })}</span>
                    <span aria-hidden="true">
                      <StageSwatch stage={u.stageBefore} /> {stageLabels[u.stageBefore]} → <StageSwatch stage={u.stageAfter} /> {stageLabels[u.stageAfter]}
                    </span>
                  </>
                )}
                {' · '}
                {t('latest.by', { name: u.authorName })}
                {' · '}
                <time dateTime={u.createdAt.toISOString()} title={format.dateTime(u.createdAt, { dateStyle: 'medium', timeStyle: 'short' })}>
                  {format.relativeTime(u.createdAt, now)}
                </time>
                {u.isDemo && (
                  <>
                    {' '}
                    <span className="badge">{t('demoBadge')}</span>
                  </>
                )}
              </span>
            </li>
          ))}
        </ol>
      )}
      {updates.length > 0 && (
        <p className="dash-see-all">
          <a href={commitmentsHref({ ...scope, sort: 'updated' })}>{t('latest.seeAll')}</a>
        </p>
      )}
    </Panel>
  );
}
