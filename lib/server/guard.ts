import 'server-only';
import { type Action, type CommitmentTarget, can, roleAllows } from '@/lib/domain/permissions';
import type { RequestContext } from './context';
import { AppError } from './errors';
import type { Viewer } from './session';

export type SignedInContext = RequestContext & { viewer: Viewer };

export function requireSignedIn(ctx: RequestContext): SignedInContext {
  if (!ctx.viewer) throw new AppError('unauthenticated', 'Sign in to continue.');
  return ctx as SignedInContext;
}

/** 401 when nobody is signed in, 403 when the role (or, for staff, the organisation) may not. */
export function authorize(ctx: RequestContext, action: Action, target?: CommitmentTarget): SignedInContext {
  const signedIn = requireSignedIn(ctx);
  if (!can(signedIn.viewer, action, target)) {
    throw new AppError('forbidden', forbiddenMessage(signedIn.viewer, action));
  }
  return signedIn;
}

/** 401 or 403 on the role alone, for a check that comes before the target is known (creating). */
export function authorizeRole(ctx: RequestContext, action: Action): SignedInContext {
  const signedIn = requireSignedIn(ctx);
  if (!roleAllows(signedIn.viewer, action)) throw new AppError('forbidden', 'Your role does not allow this action.');
  return signedIn;
}

function forbiddenMessage(viewer: Viewer, action: Action): string {
  if (viewer.role === 'staff' && (action === 'update.post' || action === 'commitment.edit' || action === 'commitment.create')) {
    return 'Only staff of a lead organisation of this commitment (or an administrator) may do this.';
  }
  return 'Your role does not allow this action.';
}
