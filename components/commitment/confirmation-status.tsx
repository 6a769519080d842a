import { getFormatter, getTranslations } from 'next-intl/server';
import type { UpdateView } from '@/lib/server/commitments';
import { CommentBody } from './comment-body';
import { DecisionForm } from './decision-form';

interface Props {
  commitmentId: string;
  update: UpdateView;
  /** The lead organisations' names, by party. */
  leads: { a: string; b: string };
}

/** Where an update stands with the other party: confirmed, disputed (with their note), awaiting, or needing nothing. */
export async function ConfirmationStatus({ commitmentId, update: u, leads }: Props) {
  const [t, format] = await Promise.all([getTranslations('commitments.confirmation'), getFormatter()]);
  if (!u.claims) return <p className="confirmation confirmation--not_needed">{t('notNeeded')}</p>;
  if (u.decision && u.decidedAt) {
    const values = {
      name: u.decidedByName ?? '', organisation: u.decidedByOrganisation ?? '',
      date: format.dateTime(new Date(u.decidedAt), { dateStyle: 'long', timeStyle: 'short' }),
    };
    return (
      <div className={`confirmation confirmation--${u.decision}`}>
        <p className="confirmation__state">
          <strong>{t(u.decision, values)}</strong>
        </p>
        {u.decision === 'disputed' && u.note && (
          <div className="confirmation__note">
            <p>{t('disputeNote')}</p>
            <CommentBody body={u.note} />
          </div>
        )}
      </div>
    );
  }
  const side = u.party === 'a' ? leads.b : u.party === 'b' ? leads.a : undefined;
  return (
    <div className="confirmation confirmation--awaiting">
      <p className="confirmation__state">
        <strong>{side ? t('awaiting', { side }) : t('awaitingEither')}</strong>
      </p>
      {u.canDecide && <DecisionForm commitmentId={commitmentId} updateId={u.id} sequence={u.sequence} />}
    </div>
  );
}
