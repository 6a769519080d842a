import type { Metadata } from 'next';
import Link from 'next/link';
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
import { parseTimelineCursor, timelineHref } from '@/lib/domain/timeline-paging';
import { commitmentPageOf, cursorOfUpdate } from '@/lib/server/commitments';
import { watchState } from '@/lib/server/notifications/inbox';
import { commitmentForPage } from '@/lib/server/page-guard';

type Params = Promise<{ id: string }>;

// The row comes from the layout's commitmentForPage (which has answered 404 already), so it is read once.
// A cursor that is malformed, or that names no earlier update, shows the latest updates with a notice,
// as does an `update` that is not one of this commitment's.
// `update` (an update's id, as notifications link to it) opens the page that shows that update.
async function loadPage(id: string, cursor: string | string[] | undefined, update: string | string[] | undefined) {
  const { ctx, row } = await commitmentForPage(id);
  if (update !== undefined) {
    const before = typeof update === 'string' ? await cursorOfUpdate(ctx, row, update) : undefined;
    if (before !== undefined) return { ctx, detail: await commitmentPageOf(ctx, row, { before }), cursorRejected: false };
    return { ctx, detail: await commitmentPageOf(ctx, row, { before: null }), cursorRejected: true };
  }
  const parsed = parseTimelineCursor(cursor);
  const before = parsed.ok ? parsed.before : null;
  const detail = await commitmentPageOf(ctx, row, { before });
  if (before !== null && detail.updates.length === 0) {
    return { ctx, detail: await commitmentPageOf(ctx, row, { before: null }), cursorRejected: true };
  }
  return { ctx, detail, cursorRejected: !parsed.ok };
}

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const { row } = await commitmentForPage((await params).id);
  return { title: `${row.reference} · ${row.title}` };
}

type Search = Promise<{ saved?: string; created?: string; before?: string | string[]; update?: string | string[] }>;

export default async function CommitmentPage({ params, searchParams }: { params: Params; searchParams: Search }) {
  const [{ id }, { saved, created, before: cursor, update }] = await Promise.all([params, searchParams]);
  const { ctx, detail, cursorRejected } = await loadPage(id, cursor, update);
  const [t, tStage, tHealth, tApp, locale, watching] = await Promise.all([
    getTranslations('commitments.detail'), getTranslations('stage'), getTranslations('health'), getTranslations('app'), getLocale(),
    watchState(ctx, id),
  ]);
  const c = detail.commitment;
  const regions = new Intl.DisplayNames([locale], { type: 'region' });
  const country = (code: string) => regions.of(code) ?? code;
  const shownUpdates = new Set(detail.updates.map((u) => u.id));
  const { timeline } = detail;
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
          detail.indicators.map((ind) => <IndicatorPanel key={ind.id} commitmentId={c.id} indicator={ind} shownUpdates={shownUpdates} />)
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
        <h2 id="timeline-heading" tabIndex={-1}>{t('timeline', { count: timeline.total })}</h2>
        {cursorRejected && <p className="notice notice--info" role="status">{t('timelineCursorRejected')}</p>}
        {timeline.total > 0 && (
          <p className="timeline-paging">
            {t('timelineShowing', { shown: detail.updates.length, total: timeline.total })}
            {timeline.before !== null && <> <Link href={timelineHref(c.id, null)}>{t('timelineLatest')}</Link></>}
          </p>
        )}
        <Timeline
          commitmentId={c.id} updates={detail.updates} indicators={detail.indicators} comments={detail.comments} can={c.can}
          leads={{ a: c.leadOrgAName, b: c.leadOrgBName }}
        />
        {timeline.earlier !== null && (
          <p className="timeline-paging timeline-paging--earlier">
            <Link href={timelineHref(c.id, timeline.earlier)} rel="next">{t('timelineEarlier')}</Link>
          </p>
        )}
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
