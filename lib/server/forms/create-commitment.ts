import 'server-only';
import { type FormState, succeeded } from '@/lib/domain/form-state';
import { createCommitment } from '../commitment-writes';
import type { RequestContext } from '../context';
import { errorState } from '../error-answers';
import { field, numberField, trimmed } from './form-data';

export type CreateState = FormState<{ id: string; reference: string }>;

const INDICATOR_FIELDS = ['name', 'unit', 'baselineValue', 'baselineDate', 'targetValue', 'targetDate', 'direction'] as const;
const INDICATOR = /^indicators\.([^.]+)\.name$/;

/**
 * The "new commitment" form, as the API's POST takes it. Indicator rows are named
 * `indicators.<row>.<field>` by the row's key in the form; a row left entirely blank is no indicator.
 */
export async function runCreateCommitment(ctx: RequestContext, form: FormData): Promise<CreateState> {
  const rowKeys: string[] = [];
  const indicators: Record<string, unknown>[] = [];
  for (const key of new Set(form.keys())) {
    const row = INDICATOR.exec(key)?.[1];
    if (!row) continue;
    const name = (f: string) => `indicators.${row}.${f}`;
    // The direction select always has a value, so it does not count towards "filled in".
    if (INDICATOR_FIELDS.every((f) => f === 'direction' || trimmed(form, name(f)) === '')) continue;
    rowKeys.push(row);
    indicators.push({
      name: field(form, name('name')) ?? '',
      unit: field(form, name('unit')) ?? '',
      baselineValue: numberField(form, name('baselineValue')),
      baselineDate: trimmed(form, name('baselineDate')),
      targetValue: numberField(form, name('targetValue')),
      targetDate: trimmed(form, name('targetDate')),
      direction: field(form, name('direction')),
    });
  }
  const input = {
    agendaId: trimmed(form, 'agendaId'),
    sector: trimmed(form, 'sector'),
    title: field(form, 'title') ?? '',
    description: field(form, 'description') ?? '',
    sourcePassage: field(form, 'sourcePassage') ?? '',
    leadOrgAId: trimmed(form, 'leadOrgAId'),
    leadOrgBId: trimmed(form, 'leadOrgBId'),
    dueDate: trimmed(form, 'dueDate') || null,
    indicators,
  };
  try {
    const created = await createCommitment(ctx, input);
    return succeeded({ id: created.id, reference: created.reference });
  } catch (error) {
    return errorState(error, (path, messages) => {
      const ind = /^indicators\.(\d+)\.(.+)$/.exec(path);
      return [ind ? `indicators.${rowKeys[Number(ind[1])]}.${ind[2]}` : path, messages];
    });
  }
}
