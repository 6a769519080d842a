import 'server-only';
import { forbidden, redirect } from 'next/navigation';
import type { Action, CommitmentTarget } from '@/lib/domain/permissions';
import { can } from '@/lib/domain/permissions';
import { currentContext } from './context';
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
