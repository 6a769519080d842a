import 'server-only';
import { type FormState, succeeded } from '@/lib/domain/form-state';
import type { Health, Stage } from '@/lib/domain/stages';
import type { RequestContext } from '../context';
import { errorState } from '../error-answers';
import { recordStatusUpdate } from '../status-updates';
import { field, lines, trimmed } from './form-data';

export type PostUpdateState = FormState<{ id: string; sequence: number; stage: Stage; health: Health }>;

const READING = /^reading\.([^.]+)\.value$/;

/**
 * The "post a status update" form: builds the same input the API takes and hands it to
 * recordStatusUpdate, which validates it and applies the stage rules. The form has one value and
 * one as-of date per indicator (`reading.<indicatorId>.value` / `.asOf`); a blank value is no reading.
 */
export async function runPostUpdate(ctx: RequestContext, form: FormData): Promise<PostUpdateState> {
  const readingIds: string[] = [];
  const readings: { indicatorId: string; value: number; asOf: string }[] = [];
  for (const key of new Set(form.keys())) {
    const id = READING.exec(key)?.[1];
    if (!id || trimmed(form, key) === '') continue;
    readingIds.push(id);
    readings.push({ indicatorId: id, value: Number(trimmed(form, key)), asOf: trimmed(form, `reading.${id}.asOf`) });
  }
  const evidence = lines(form, 'evidence');
  const input = {
    stage: field(form, 'stage'),
    health: field(form, 'health'),
    narrative: field(form, 'narrative') ?? '',
    readings,
    evidence,
    nextStep: field(form, 'nextStep') ?? '',
  };
  try {
    const recorded = await recordStatusUpdate(ctx, trimmed(form, 'commitmentId'), input);
    return succeeded({ ...recorded, stage: recorded.stage as Stage, health: recorded.health as Health });
  } catch (error) {
    return errorState(error, (path, messages) => {
      const reading = /^readings\.(\d+)\.(value|asOf)$/.exec(path);
      if (reading) return [`reading.${readingIds[Number(reading[1])]}.${reading[2]}`, messages];
      if (path.startsWith('readings')) return ['readings', messages];
      // A bad link is reported with the link itself, so the user knows which line to fix.
      const link = /^evidence\.(\d+)$/.exec(path);
      if (link) return ['evidence', [...messages, { key: 'validation.checkLine', values: { link: evidence[Number(link[1])] ?? '' } }]];
      return [path, messages];
    });
  }
}
