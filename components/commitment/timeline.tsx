import { getFormatter, getTranslations } from 'next-intl/server';
import { StageSwatch } from '@/components/stage-swatch';
import { isHttpUrl } from '@/lib/domain/commitment-fields';
import { parseIsoDate } from '@/lib/domain/dates';
import type { CommentView, IndicatorView, UpdateView } from '@/lib/server/commitments';
import { CommentBody } from './comment-body';
import { CommentForm } from './comment-form';
import { CommentThreads } from './comment-threads';
import { ConfirmationStatus } from './confirmation-status';

interface Props {
  commitmentId: string;
  updates: UpdateView[];
  indicators: IndicatorView[];
  comments: CommentView[];
  can: { comment: boolean; resolve: boolean };
  /** The lead organisations' names, by party: who confirms whose updates. */
  leads: { a: string; b: string };
}

/** The status updates, newest first, each with its evidence and the comments on it. */
export async function Timeline({ commitmentId, updates, indicators, comments, can, leads }: Props) {
  const [t, tStage, tHealth, format] = await Promise.all([
    getTranslations('commitments.timeline'), getTranslations('stage'), getTranslations('health'), getFormatter(),
  ]);
  const byId = new Map(indicators.map((i) => [i.id, i]));
  if (updates.length === 0) return <p>{t('empty')}</p>;
  return (
    <ol className="timeline">
      {updates.map((u) => {
        const headingId = `update-${u.id}-heading`;
        const created = new Date(u.createdAt);
        return (
          <li key={u.id} id={`update-${u.id}`} className="timeline__item" tabIndex={-1}>
            <article aria-labelledby={headingId}>
              <h3 id={headingId} className="timeline__heading">
                {t('heading', { sequence: u.sequence })}{' '}
                <span className="timeline__time">
                  <time dateTime={created.toISOString()}>{format.dateTime(created, { dateStyle: 'long', timeStyle: 'short' })}</time>
                </span>
                {u.isDemo && <> <span className="badge">{t('demo')}</span></>}
              </h3>
              <p className="timeline__move">
                {u.stageBefore === u.stageAfter ? (
                  <>
                    <StageSwatch stage={u.stageAfter} /> {t('stageSame', { stage: tStage(u.stageAfter) })}
                  </>
                ) : (
                  <>
                    <StageSwatch stage={u.stageBefore} /> {tStage(u.stageBefore)} <span aria-hidden="true">→</span>
                    <span className="visually-hidden">{t('movedTo')}</span> <StageSwatch stage={u.stageAfter} /> <strong>{tStage(u.stageAfter)}</strong>
                  </>
                )}
                {' · '}
                <span className={`health health--${u.health}`}>{t('health', { health: tHealth(u.health) })}</span>
              </p>
              <p className="timeline__author">
                {u.authorOrganisation ? t('byAt', { name: u.authorName, organisation: u.authorOrganisation }) : t('by', { name: u.authorName })}
              </p>
              <ConfirmationStatus commitmentId={commitmentId} update={u} leads={leads} />
              {u.readings.length > 0 && (
                <>
                  <h4 className="timeline__label">{t('readings')}</h4>
                  <ul>
                    {u.readings.map((r) => {
                      const ind = byId.get(r.indicatorId);
                      return (
                        <li key={r.indicatorId}>
                          {t('reading', {
                            name: ind?.name ?? t('unknownIndicator'), value: format.number(r.value), unit: ind?.unit ?? '',
                            date: format.dateTime(parseIsoDate(r.asOf), { dateStyle: 'medium' }),
                          })}
                        </li>
                      );
                    })}
                  </ul>
                </>
              )}
              {u.narrative && (
                <>
                  <h4 className="timeline__label">{t('narrative')}</h4>
                  <CommentBody body={u.narrative} />
                </>
              )}
              {u.nextStep && (
                <p>
                  <strong>{t('nextStep')}</strong> {u.nextStep}
                </p>
              )}
              {u.evidence.length > 0 && (
                <>
                  <h4 className="timeline__label">{t('evidence')}</h4>
                  <ul className="evidence">
                    {u.evidence.map((url, i) => (
                      <li key={i}>{isHttpUrl(url) ? <a href={url} rel="noopener noreferrer">{url}</a> : url}</li>
                    ))}
                  </ul>
                </>
              )}
              <CommentThreads commitmentId={commitmentId} comments={comments} updateId={u.id} can={can} />
              {can.comment && (
                <details className="reply">
                  <summary>{t('commentOnUpdate')}</summary>
                  <CommentForm
                    commitmentId={commitmentId} updateId={u.id} idPrefix={`update-${u.id}-comment`}
                    label={t('commentLabel', { sequence: u.sequence })} submitLabel={t('postComment')}
                  />
                </details>
              )}
            </article>
          </li>
        );
      })}
    </ol>
  );
}
