import { getFormatter, getTranslations } from 'next-intl/server';
import type { CommentView } from '@/lib/server/commitments';
import { CommentBody } from './comment-body';
import { CommentForm } from './comment-form';
import { ResolveButton } from './resolve-button';

interface Abilities {
  comment: boolean;
  resolve: boolean;
}

interface Props {
  commitmentId: string;
  /** Every comment of the commitment; the threads shown are those on `updateId` (null: on the commitment itself). */
  comments: CommentView[];
  updateId: string | null;
  can: Abilities;
}

/** Threads of comments, replies nested under what they answer; resolved threads collapsed. */
export async function CommentThreads({ commitmentId, comments, updateId, can }: Props) {
  const t = await getTranslations('commitments.comments');
  const format = await getFormatter();
  const children = new Map<string, CommentView[]>();
  for (const c of comments) if (c.parentId) children.set(c.parentId, [...(children.get(c.parentId) ?? []), c]);
  const roots = comments.filter((c) => c.parentId === null && c.statusUpdateId === updateId);
  if (roots.length === 0) return null;

  const countIn = (c: CommentView): number => 1 + (children.get(c.id) ?? []).reduce((n, r) => n + countIn(r), 0);
  const time = (d: Date) => (
    <time dateTime={new Date(d).toISOString()}>{format.dateTime(new Date(d), { dateStyle: 'medium', timeStyle: 'short' })}</time>
  );

  function renderComment(c: CommentView, depth: number) {
    const replies = children.get(c.id) ?? [];
    return (
      <li key={c.id} className="comment">
        <article id={`comment-${c.id}`} tabIndex={-1} aria-labelledby={`comment-${c.id}-meta`}>
          <p className="comment__meta" id={`comment-${c.id}-meta`}>
            <strong>{c.authorName}</strong> · {t(`role.${c.authorRole}` as 'role.staff')} · {time(c.createdAt)}
            {c.isDemo && <> <span className="badge">{t('demo')}</span></>}
          </p>
          <CommentBody body={c.body} />
          {can.comment && depth < 6 && (
            <details className="reply">
              <summary>{t('reply')}</summary>
              <CommentForm
                commitmentId={commitmentId} parentId={c.id} idPrefix={`reply-${c.id}`}
                label={t('replyLabel', { name: c.authorName })} submitLabel={t('postReply')}
              />
            </details>
          )}
        </article>
        {replies.length > 0 && <ol className="comment-replies">{replies.map((r) => renderComment(r, depth + 1))}</ol>}
      </li>
    );
  }

  return (
    <ol className="threads">
      {roots.map((root) => {
        const resolved = root.resolvedAt !== null;
        const thread = <ol className="comment-list">{renderComment(root, 0)}</ol>;
        return (
          <li key={root.id} className={resolved ? 'thread thread--resolved' : 'thread'}>
            {resolved ? (
              <details>
                <summary>
                  <span className="badge badge--resolved">{t('resolved')}</span>{' '}
                  {t('resolvedSummary', {
                    name: root.resolvedByName ?? t('someone'),
                    date: format.dateTime(new Date(root.resolvedAt!), { dateStyle: 'medium' }),
                    count: countIn(root),
                    excerpt: excerpt(root.body),
                  })}
                </summary>
                {thread}
              </details>
            ) : (
              thread
            )}
            {can.resolve && <ResolveButton commitmentId={commitmentId} commentId={root.id} resolved={resolved} />}
          </li>
        );
      })}
    </ol>
  );
}

function excerpt(body: string): string {
  const flat = body.replace(/\s+/g, ' ').trim();
  return flat.length > 80 ? `${flat.slice(0, 79)}…` : flat;
}
