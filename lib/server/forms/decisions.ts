import 'server-only';
import { type FormState, succeeded } from '@/lib/domain/form-state';
import { decideUpdate } from '../confirmations';
import type { RequestContext } from '../context';
import { errorState } from '../error-answers';
import { field, trimmed } from './form-data';

export type DecisionState = FormState<{ decision: 'confirmed' | 'disputed' }>;

/** Confirms (`decision=confirm`) or disputes (`decision=dispute`, with `note`) the update `updateId`. */
export async function runDecideUpdate(ctx: RequestContext, form: FormData): Promise<DecisionState> {
  const note = field(form, 'note');
  const input = { decision: trimmed(form, 'decision'), ...(note === undefined ? {} : { note }) };
  try {
    const update = await decideUpdate(ctx, trimmed(form, 'updateId'), input);
    return succeeded({ decision: update.confirmation.state === 'disputed' ? 'disputed' : 'confirmed' });
  } catch (error) {
    return errorState(error);
  }
}
