import type { Metadata } from 'next';
import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { ActionButton } from '@/app/admin/_components/action-button';
import { BriefingView } from '@/components/briefing/briefing-view';
import { ReviewForm } from '@/components/briefing/review-form';
import { type Briefing, type BriefingHeadline, sharePercent } from '@/lib/domain/briefing';
import { can } from '@/lib/domain/permissions';
import { computeBriefing, resolveBriefingScope } from '@/lib/server/briefing';
import { orNotFound } from '@/lib/server/error-answers';
import { requirePageContext } from '@/lib/server/page-guard';
import { getReviewDetail } from '@/lib/server/reviews';
import { holdReviewAction, updateReviewAction } from '../actions';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('reviews');
  return { title: t('title') };
}

// One review: rename, re-date and hold it; once held, its frozen briefing, its PDF, and the frozen
// figures beside the same figures recomputed now and today's.
export default async function ReviewPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const ctx = await requirePageContext(`/reviews/${encodeURIComponent(id)}`, 'briefing.read');
  const [t, review] = await Promise.all([getTranslations('reviews'), orNotFound(getReviewDetail(ctx, id))]);
  const frozen = review.briefing;
  let comparison: { recomputed: Briefing; today: Briefing } | undefined;
  if (frozen) {
    const [recomputed, today] = await Promise.all([
      resolveBriefingScope(ctx.db, { agenda: frozen.agenda.slug, from: frozen.from, to: frozen.to }).then((s) => computeBriefing(ctx.db, s)),
      resolveBriefingScope(ctx.db, { agenda: frozen.agenda.slug, from: frozen.from }).then((s) => computeBriefing(ctx.db, s)),
    ]);
    comparison = { recomputed, today };
  }
  return (
    <>
      <p className="dash-breadcrumb"><Link href="/reviews">{t('heading')}</Link></p>
      <h1>{review.name}</h1>
      <p className="lede">
        {review.date} · {review.held ? t('held', { date: review.heldAt!.toISOString().slice(0, 10), name: review.heldBy?.name ?? '' }) : t('planned')}
      </p>
      {review.can.edit && (
        <section aria-labelledby="edit-review">
          <h2 id="edit-review">{t('edit')}</h2>
          <ReviewForm
            action={updateReviewAction}
            formId="edit-review-form"
            recordId={review.id}
            values={{ name: review.name, date: review.date }}
            labels={{ name: t('name'), date: t('date'), agenda: t('agenda'), submit: t('save') }}
          />
        </section>
      )}
      {review.can.hold && (
        <section aria-labelledby="hold-review">
          <h2 id="hold-review">{t('hold')}</h2>
          <ActionButton action={holdReviewAction} recordId={review.id} id="hold" label={t('hold')} hint={`${t('holdHelp', { date: review.date })} ${t('holdTooEarly')}`} />
        </section>
      )}
      {frozen && comparison && (
        <>
          <p>
            {can(ctx.viewer, 'briefing.export') && <a className="button button--secondary" href={`/reviews/${review.id}/pdf`} download>{t('frozenPdf')}</a>}{' '}
            <Link href={`/briefing?agenda=${frozen.agenda.slug}&from=${frozen.to}`}>{t('currentBriefing')}</Link>
          </p>
          <section aria-labelledby="compare">
            <h2 id="compare">{t('compare')}</h2>
            <CompareTable
              t={t}
              columns={[
                [t('compareHeld', { date: frozen.to }), frozen.headline],
                [t('compareRecomputed', { date: frozen.to }), comparison.recomputed.headline],
                [t('compareToday', { date: comparison.today.to }), comparison.today.headline],
              ]}
            />
          </section>
          <h2>{t('frozen')}</h2>
          <BriefingView briefing={frozen} />
        </>
      )}
    </>
  );
}

function CompareTable({ t, columns }: { t: (key: string) => string; columns: [string, BriefingHeadline][] }) {
  const rows: [string, (h: BriefingHeadline) => string][] = [
    ['briefingCommitments', (h) => String(h.commitments)],
    ['briefingForward', (h) => String(h.movedForward)],
    ['briefingBack', (h) => String(h.movedBack)],
    ['briefingMeasurable', (h) => `${sharePercent(h.measurableNow, h.commitments)}%`],
    ['briefingOverdue', (h) => String(h.overdue)],
    ['briefingStale', (h) => String(h.stale)],
  ];
  return (
    <div className="table-wrap">
      <table>
        <thead>
          <tr><th scope="col">{t('compareFigure')}</th>{columns.map(([label]) => <th key={label} scope="col" className="num">{label}</th>)}</tr>
        </thead>
        <tbody>
          {rows.map(([key, value]) => (
            <tr key={key}><th scope="row">{t(key)}</th>{columns.map(([label, h]) => <td key={label} className="num">{value(h)}</td>)}</tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
