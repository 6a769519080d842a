import type { Metadata } from 'next';
import Link from 'next/link';
import { getFormatter, getTranslations } from 'next-intl/server';
import { DecisionForm } from '@/components/commitment/decision-form';
import { StageSwatch } from '@/components/stage-swatch';
import { listAwaitingMyDecision } from '@/lib/server/confirmations';
import { requirePageContext } from '@/lib/server/page-guard';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('commitments.confirmation');
  return { title: t('pageTitle') };
}

// Staff's inbox of the other side's claims on the commitments their organisation leads.
export default async function AwaitingConfirmationPage() {
  const ctx = await requirePageContext('/confirmations', 'commitment.read');
  const [items, t, tStage, tHealth, tApp, format] = await Promise.all([
    listAwaitingMyDecision(ctx), getTranslations('commitments.confirmation'), getTranslations('stage'), getTranslations('health'),
    getTranslations('app'), getFormatter(),
  ]);
  return (
    <>
      <h1>{t('pageTitle')}</h1>
      <p className="lede">{t('pageLede')}</p>
      {items === null ? (
        <p>{t('notStaff')}</p>
      ) : items.length === 0 ? (
        <p>{t('pageEmpty')}</p>
      ) : (
        <ol className="timeline awaiting-list">
          {items.map((u) => {
            const date = format.dateTime(new Date(u.createdAt), { dateStyle: 'long', timeStyle: 'short' });
            const claim = u.stageBefore === u.stageAfter
              ? `${tStage(u.stageAfter)} · ${tHealth(u.health)}`
              : `${tStage(u.stageBefore)} → ${tStage(u.stageAfter)} · ${tHealth(u.health)}`;
            return (
              <li key={u.id} className="timeline__item">
                <article aria-labelledby={`awaiting-${u.id}`}>
                  <h2 id={`awaiting-${u.id}`} className="timeline__heading">
                    <Link href={`/commitments/${u.commitmentId}?update=${u.id}#update-${u.id}`}>
                      <span className="reference">{u.reference}</span> {u.title}
                    </Link>
                    {u.isDemo && <> <span className="badge">{tApp('demoData')}</span></>}
                  </h2>
                  <p className="timeline__move">
                    <StageSwatch stage={u.stageAfter} /> {t('claim', { claim })}
                  </p>
                  <p className="timeline__author">
                    {u.authorOrganisation
                      ? t('posted', { date, name: u.authorName, organisation: u.authorOrganisation })
                      : t('postedNoOrganisation', { date, name: u.authorName })}
                  </p>
                  {u.narrative && <p>{u.narrative}</p>}
                  <DecisionForm commitmentId={u.commitmentId} updateId={u.id} sequence={u.sequence} />
                </article>
              </li>
            );
          })}
        </ol>
      )}
    </>
  );
}
