import 'server-only';
import type { CommitmentRow } from '@/db/queries/commitments';
import { type ConflictState, type FormState, succeeded } from '@/lib/domain/form-state';
import { EDITABLE_FIELDS, type EditableValues } from '@/lib/domain/commitment-fields';
import { updateCommitment } from '../commitment-writes';
import type { RequestContext } from '../context';
import { errorState } from '../error-answers';
import { isAppError } from '../errors';
import { field, numberField, trimmed } from './form-data';

export type EditState = FormState<{ id: string; version: number }> | ConflictState<EditableValues>;

/** The form's view of a stored commitment. */
export function editableValues(row: Pick<CommitmentRow, 'title' | 'description' | 'sourcePassage' | 'sectorSlug' | 'dueDate' | 'leadOrgAId' | 'leadOrgBId'>): EditableValues {
  return {
    title: row.title,
    description: row.description,
    sourcePassage: row.sourcePassage,
    sector: row.sectorSlug,
    dueDate: row.dueDate ?? '',
    leadOrgAId: row.leadOrgAId,
    leadOrgBId: row.leadOrgBId,
  };
}

/**
 * The "edit commitment" form: the fields it holds plus the version it was read at, as the API's
 * PATCH takes them. A stale version comes back as a conflict state carrying the current record and
 * what the user typed, so the form can show both and apply the user's values on top.
 */
export async function runEditCommitment(ctx: RequestContext, form: FormData): Promise<EditState> {
  const values: Partial<EditableValues> = {};
  for (const key of EDITABLE_FIELDS) {
    const value = field(form, key);
    if (value !== undefined) values[key] = value;
  }
  const input: Record<string, unknown> = { ...values, version: numberField(form, 'version') };
  if (values.dueDate !== undefined) input.dueDate = values.dueDate.trim() === '' ? null : values.dueDate.trim();
  const id = trimmed(form, 'commitmentId');
  try {
    const saved = await updateCommitment(ctx, id, input);
    return succeeded({ id: saved.id, version: saved.version });
  } catch (error) {
    if (isAppError(error) && error.code === 'conflict' && error.details) {
      const current = error.details as CommitmentRow;
      return {
        status: 'conflict', summary: error.summary, current: { ...editableValues(current), version: current.version }, values, at: Date.now(),
      };
    }
    return errorState(error);
  }
}
