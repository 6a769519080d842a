import 'server-only';
import type { Message } from '@/lib/domain/messages';
import { type Action, type CommitmentTarget, can, ORGANISATION_SCOPED, roleAllows } from '@/lib/domain/permissions';
import type { RequestContext } from './context';
import { AppError } from './errors';
import type { Viewer } from './session';

export type SignedInContext = RequestContext & { viewer: Viewer };

export function requireSignedIn(ctx: RequestContext): SignedInContext {
  if (!ctx.viewer) throw new AppError('unauthenticated', { key: 'problem.signIn' });
  return ctx as SignedInContext;
}

/** 401 when nobody is signed in, 403 when the role (or, for staff, the organisation) may not. */
export function authorize(ctx: RequestContext, action: Action, target?: CommitmentTarget): SignedInContext {
  const signedIn = requireSignedIn(ctx);
  if (!can(signedIn.viewer, action, target)) throw new AppError('forbidden', forbiddenMessage(signedIn.viewer, action));
  return signedIn;
}

/** 401 or 403 on the role alone, for a check that comes before the target is known (creating). */
export function authorizeRole(ctx: RequestContext, action: Action): SignedInContext {
  const signedIn = requireSignedIn(ctx);
  if (!roleAllows(signedIn.viewer, action)) throw new AppError('forbidden', { key: 'problem.forbidden' });
  return signedIn;
}

/** Staff refused an action their role has were refused for the organisation: that is what to tell them. */
function forbiddenMessage(viewer: Viewer, action: Action): Message {
  if (action === 'update.decide') return { key: 'problem.forbiddenDecide' };
  const scoped = viewer.role === 'staff' && ORGANISATION_SCOPED.includes(action);
  return { key: scoped ? 'problem.forbiddenLead' : 'problem.forbidden' };
}
