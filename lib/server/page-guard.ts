import 'server-only';
import { forbidden, redirect } from 'next/navigation';
import { cache } from 'react';
import type { Action, CommitmentTarget } from '@/lib/domain/permissions';
import { can } from '@/lib/domain/permissions';
import { loadCommitment } from './commitments';
import { currentContext } from './context';
import { orNotFound } from './error-answers';
import type { SignedInContext } from './guard';

/**
 * For pages: the signed-in context, or a redirect to sign-in that brings the user back to `path`.
 * Pages check for themselves; the proxy's redirect is only a shortcut.
 */
export async function requirePageContext(path: string, action: Action = 'dashboard.read', target?: CommitmentTarget): Promise<SignedInContext> {
  const ctx = await currentContext();
  if (!ctx.viewer) redirect(path === '/' ? '/sign-in' : `/sign-in?callbackUrl=${encodeURIComponent(path)}`);
  if (!can(ctx.viewer, action, target)) forbidden();
  return ctx as SignedInContext;
}

/**
 * For the pages under /commitments/[id]: the viewer's context and the commitment, or a 404. Loaded
 * once per request (the layout checks, the pages reuse it) and called from layouts above every
 * loading boundary, because a notFound() or forbidden() thrown inside a streamed page keeps status 200.
 */
export const commitmentForPage = cache(async (id: string) => {
  const ctx = await requirePageContext(`/commitments/${encodeURIComponent(id)}`, 'commitment.read');
  return { ctx, row: await orNotFound(loadCommitment(ctx, id)) };
});
