import type { Metadata } from 'next';
import Link from 'next/link';
import { cache } from 'react';
import { getLocale, getTranslations } from 'next-intl/server';
import { CommentForm } from '@/components/commitment/comment-form';
import { CommentThreads } from '@/components/commitment/comment-threads';
import { DueDate, LastUpdate } from '@/components/commitment/dates';
import { IndicatorPanel } from '@/components/commitment/indicator-panel';
import { CommentBody } from '@/components/commitment/comment-body';
import { Timeline } from '@/components/commitment/timeline';
import { UpdateForm } from '@/components/commitment/update-form';
import { WatchButton } from '@/components/notifications/watch-button';
import { StageSwatch } from '@/components/stage-swatch';
import { commitmentsHref } from '@/lib/domain/commitment-filters';
import { todayIso } from '@/lib/domain/dates';
import { can } from '@/lib/domain/permissions';
import { commitmentDetailOf } from '@/lib/server/commitments';
import { watchState } from '@/lib/server/notifications/inbox';
import { commitmentForPage } from '@/lib/server/page-guard';

type Params = Promise<{ id: string }>;

// One load per request, shared by the page and its metadata. The row itself comes from the layout's
// commitmentForPage (which has answered 404 already), so it is read once.
const loadDetail = cache(async (id: string) => {
  const { ctx, row } = await commitmentForPage(id);
  return { ctx, detail: await commitmentDetailOf(ctx, row) };
});

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const { detail } = await loadDetail((await params).id);
  return { title: `${detail.commitment.reference} · ${detail.commitment.title}` };
}

export default async function CommitmentPage({ params, searchParams }: { params: Params; searchParams: Promise<{ saved?: string; created?: string }> }) {
  const [{ id }, { saved, created }] = await Promise.all([params, searchParams]);
  const { ctx, detail } = await loadDetail(id);
  const [t, tStage, tHealth, tApp, locale, watching] = await Promise.all([
    getTranslations('commitments.detail'), getTranslations('stage'), getTranslations('health'), getTranslations('app'), getLocale(),
    watchState(ctx, id),
  ]);
  const c = detail.commitment;
  const regions = new Intl.DisplayNames([locale], { type: 'region' });
  const country = (code: string) => regions.of(code) ?? code;
  const sequences = new Map(detail.updates.map((u) => [u.id, u.sequence]));
  const hasDemo = detail.indicators.some((i) => i.isDemo) || detail.updates.some((u) => u.isDemo) || detail.comments.some((x) => x.isDemo);
  const today = todayIso();

  return (
    <article className="commitment" aria-labelledby="commitment-title">
      <p className="breadcrumbs">
        <Link href="/commitments">{t('backToList')}</Link>
      </p>
      {(saved || created) && (
        <p className="notice notice--info" role="status">{created ? t('created', { reference: c.reference }) : t('saved')}</p>
      )}
      <div className="page-heading">
        <h1 id="commitment-title">
          <span className="reference">{c.reference}</span> {c.title}
        </h1>
        {c.can.edit && <Link href={`/commitments/${c.id}/edit`} className="button button--secondary">{t('edit')}</Link>}
      </div>
      <WatchButton commitmentId={c.id} watching={watching} />
      {hasDemo && (
        <p className="notice">
          <span className="badge">{tApp('demoData')}</span> {t('demoNote')}
        </p>
      )}
      <dl className="facts">
        <div>
          <dt>{t('reportedStage')}</dt>
          <dd><StageSwatch stage={c.stage} /> {tStage(c.stage)}</dd>
        </div>
        <div>
          <dt>{t('confirmedStage')}</dt>
          <dd><StageSwatch stage={c.confirmedStage} /> {tStage(c.confirmedStage)}</dd>
        </div>
        <div>
          <dt>{t('health')}</dt>
          <dd><span className={`health health--${c.health}`}>{tHealth(c.health)}</span></dd>
        </div>
        <div>
          <dt>{t('sector')}</dt>
          <dd><Link href={commitmentsHref({ sector: c.sectorSlug })}>{c.sectorName}</Link></dd>
        </div>
        <div>
          <dt>{t('due')}</dt>
          <dd><DueDate dueDate={c.dueDate} overdue={c.overdue} /></dd>
        </div>
        <div>
          <dt>{t('lastUpdate')}</dt>
          <dd><LastUpdate lastUpdateAt={c.lastUpdateAt} stale={c.stale} /></dd>
        </div>
        <div>
          <dt>{t('lead', { country: country(c.leadOrgACountry) })}</dt>
          <dd>{c.leadOrgAName}</dd>
        </div>
        <div>
          <dt>{t('lead', { country: country(c.leadOrgBCountry) })}</dt>
          <dd>{c.leadOrgBName}</dd>
        </div>
      </dl>
      {(c.confirmedStage !== c.stage || c.awaitingConfirmation > 0 || c.disputed) && (
        <div className="notice notice--info" id="confirmation-state">
          {c.confirmedStage !== c.stage && <p>{t('stagesDiffer', { stage: tStage(c.confirmedStage) })}</p>}
          {c.awaitingConfirmation > 0 && <p>{t('awaitingCount', { count: c.awaitingConfirmation })}</p>}
          {c.disputed && <p>{t('disputedNow')}</p>}
        </div>
      )}
      {c.description && <CommentBody body={c.description} />}

      <section aria-labelledby="source-heading">
        <h2 id="source-heading">{t('source')}</h2>
        <figure className="source-passage">
          <blockquote>
            <CommentBody body={c.sourcePassage} />
          </blockquote>
          <figcaption>{t('sourceCaption')}</figcaption>
        </figure>
      </section>

      <section aria-labelledby="indicators-heading">
        <h2 id="indicators-heading">{t('indicators')}</h2>
        {detail.indicators.length === 0 ? (
          <p>{t('qualitative')}</p>
        ) : (
          detail.indicators.map((ind) => <IndicatorPanel key={ind.id} indicator={ind} sequences={sequences} />)
        )}
      </section>

      {c.can.update && (
        <section aria-labelledby="post-update-heading" className="panel">
          <h2 id="post-update-heading">{t('postUpdate')}</h2>
          <UpdateForm
            commitmentId={c.id} stage={c.stage} health={c.health} mayReopen={can(ctx.viewer, 'commitment.reopen')} today={today}
            indicators={detail.indicators.map(({ id: indicatorId, name, unit, baselineValue, targetValue, direction }) => ({
              id: indicatorId, name, unit, baselineValue, targetValue, direction,
            }))}
          />
        </section>
      )}

      <section aria-labelledby="timeline-heading">
        <h2 id="timeline-heading">{t('timeline', { count: detail.updates.length })}</h2>
        <Timeline
          commitmentId={c.id} updates={detail.updates} indicators={detail.indicators} comments={detail.comments} can={c.can}
          leads={{ a: c.leadOrgAName, b: c.leadOrgBName }}
        />
      </section>

      <section aria-labelledby="comments-heading">
        <h2 id="comments-heading">{t('comments')}</h2>
        {detail.comments.some((x) => x.statusUpdateId === null) ? (
          <CommentThreads commitmentId={c.id} comments={detail.comments} updateId={null} can={c.can} />
        ) : (
          <p>{t('noComments')}</p>
        )}
        {c.can.comment && (
          <CommentForm commitmentId={c.id} idPrefix="new-comment" label={t('commentLabel')} submitLabel={t('postComment')} />
        )}
      </section>
    </article>
  );
}
