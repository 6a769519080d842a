import type { Metadata } from 'next';
import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { ReviewForm } from '@/components/briefing/review-form';
import { can } from '@/lib/domain/permissions';
import { getCommitmentFormOptions } from '@/lib/server/forms/reference-data';
import { requirePageContext } from '@/lib/server/page-guard';
import { listReviewsFor } from '@/lib/server/reviews';
import { createReviewAction } from './actions';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('reviews');
  return { title: t('title') };
}

// Each agenda's review points: the signing, then the named reviews, held or not; officials and
// administrators add them here.
export default async function ReviewsPage() {
  const ctx = await requirePageContext('/reviews', 'briefing.read');
  const [t, reviews, options] = await Promise.all([getTranslations('reviews'), listReviewsFor(ctx), getCommitmentFormOptions(ctx)]);
  const signings = options.agendas;
  return (
    <>
      <h1>{t('heading')}</h1>
      <p className="lede">{t('intro')}</p>
      <div className="table-wrap">
        <table>
          <caption className="visually-hidden">{t('heading')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('name')}</th>
              <th scope="col">{t('date')}</th>
              {signings.length > 1 && <th scope="col">{t('agenda')}</th>}
              <th scope="col">{t('state')}</th>
              <th scope="col">{t('briefing')}</th>
            </tr>
          </thead>
          <tbody>
            {reviews.map((r) => (
              <tr key={r.id}>
                <th scope="row"><Link href={`/reviews/${r.id}`}>{r.name}</Link></th>
                <td>{r.date}</td>
                {signings.length > 1 && <td>{r.agenda}</td>}
                <td>{r.held ? t('held', { date: r.heldAt!.toISOString().slice(0, 10), name: r.heldBy?.name ?? '' }) : t('planned')}</td>
                <td><Link href={`/briefing?agenda=${r.agenda}&to=${r.date}`}>{t('open')}</Link></td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {can(ctx.viewer, 'review.manage') && (
        <section aria-labelledby="add-review">
          <h2 id="add-review">{t('add')}</h2>
          <ReviewForm
            action={createReviewAction}
            formId="new-review"
            agendas={signings.map((a) => ({ id: a.id, title: a.title }))}
            labels={{ name: t('name'), date: t('date'), agenda: t('agenda'), submit: t('create') }}
          />
        </section>
      )}
    </>
  );
}
