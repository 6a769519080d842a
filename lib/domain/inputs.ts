import { z } from 'zod';
import { isIsoDate } from './dates';
import { HEALTHS, STAGES } from './stages';

// One zod schema per input, shared by the forms' server actions and the JSON API. Objects are
// strict: a field a client may not set (id, version on create, author, timestamps, stage outside
// an update) is refused by name rather than silently dropped.

const text = (max: number, label: string) =>
  z.string({ error: `${label} must be text.` }).trim().max(max, { error: `${label} must be at most ${max} characters.` });
const requiredText = (max: number, label: string) => text(max, label).min(1, { error: `${label} is required.` });

export const isoDate = (label: string) =>
  z.string({ error: `${label} must be a date written YYYY-MM-DD.` }).refine(isIsoDate, { error: `${label} must be a real date written YYYY-MM-DD.` });

// An empty choice (a form's "Choose…" option) says what is missing, not that it is no UUID.
const uuid = (label: string) =>
  z
    .string({ error: `${label} is required.` })
    .min(1, { error: `${label} is required.`, abort: true })
    .pipe(z.uuid({ error: `${label} must be an identifier (UUID).` }));

export const httpUrl = z
  .string({ error: 'Each evidence link must be text.' })
  .trim()
  .max(2048, { error: 'An evidence link must be at most 2,048 characters.' })
  .refine(isHttpUrl, { error: 'Evidence links must be full http:// or https:// addresses.' });

export function isHttpUrl(value: string): boolean {
  if (/\s/.test(value)) return false;
  try {
    const url = new URL(value);
    return (url.protocol === 'http:' || url.protocol === 'https:') && url.hostname.length > 0;
  } catch {
    return false;
  }
}

export const stageSchema = z.enum(STAGES, { error: `Stage must be one of: ${STAGES.join(', ')}.` });
export const healthSchema = z.enum(HEALTHS, { error: `Health must be one of: ${HEALTHS.join(', ')}.` });
const finite = (label: string) =>
  z.number({ error: `${label} must be a number.` }).refine(Number.isFinite, { error: `${label} must be a finite number.` });

export const indicatorInputSchema = z.strictObject({
  name: requiredText(200, 'Indicator name'),
  unit: requiredText(50, 'Unit'),
  baselineValue: finite('Baseline value'),
  baselineDate: isoDate('Baseline date'),
  targetValue: finite('Target value'),
  targetDate: isoDate('Target date'),
  direction: z.enum(['higher_is_better', 'lower_is_better'], { error: 'Direction must be higher_is_better or lower_is_better.' }),
}).superRefine((ind, ctx) => {
  const beyond = ind.direction === 'higher_is_better' ? ind.targetValue > ind.baselineValue : ind.targetValue < ind.baselineValue;
  if (!beyond) ctx.addIssue({ code: 'custom', path: ['targetValue'], message: 'The target must be better than the baseline in the chosen direction.' });
  if (ind.targetDate < ind.baselineDate) ctx.addIssue({ code: 'custom', path: ['targetDate'], message: 'The target date must not be before the baseline date.' });
});

const commitmentFields = {
  sector: z
    .string({ error: 'Sector must be a sector slug.' })
    .min(1, { error: 'Sector is required.', abort: true })
    .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, { error: 'Sector must be a sector slug.' }),
  title: requiredText(300, 'Title'),
  description: text(5000, 'Description'),
  sourcePassage: requiredText(5000, 'Source passage'),
  leadOrgAId: uuid('Lead organisation (first party)'),
  leadOrgBId: uuid('Lead organisation (second party)'),
  dueDate: isoDate('Due date').nullable(),
};

export const commitmentCreateSchema = z
  .strictObject({
    agendaId: uuid('Agenda'),
    reference: z.string().trim().regex(/^[A-Za-z0-9-]{1,20}$/, { error: 'Reference must be 1 to 20 letters, digits or dashes.' }).optional(),
    ...commitmentFields,
    description: commitmentFields.description.default(''),
    dueDate: commitmentFields.dueDate.default(null),
    indicators: z.array(indicatorInputSchema).max(20, { error: 'At most 20 indicators.' }).default([]),
  })
  .refine((c) => c.leadOrgAId !== c.leadOrgBId, { path: ['leadOrgBId'], error: 'Each side needs its own lead organisation.' });
export type CommitmentCreateInput = z.output<typeof commitmentCreateSchema>;

export const commitmentPatchSchema = z
  .strictObject({
    version: z.number({ error: 'Version is required: send the version you last read.' }).int().min(1),
    sector: commitmentFields.sector.optional(),
    title: commitmentFields.title.optional(),
    description: commitmentFields.description.optional(),
    sourcePassage: commitmentFields.sourcePassage.optional(),
    leadOrgAId: commitmentFields.leadOrgAId.optional(),
    leadOrgBId: commitmentFields.leadOrgBId.optional(),
    dueDate: commitmentFields.dueDate.optional(),
  })
  .refine((p) => Object.keys(p).some((k) => k !== 'version'), { error: 'Nothing to change: send at least one field besides version.' });
export type CommitmentPatchInput = z.output<typeof commitmentPatchSchema>;

export const readingInputSchema = z.strictObject({
  indicatorId: uuid('Indicator'),
  value: finite('Reading value'),
  asOf: isoDate('Reading date'),
});

export const statusUpdateSchema = z.strictObject({
  stage: stageSchema,
  health: healthSchema,
  narrative: text(10000, 'Narrative').default(''),
  readings: z.array(readingInputSchema).max(50, { error: 'At most 50 readings per update.' }).default([]),
  evidence: z.array(httpUrl).max(20, { error: 'At most 20 evidence links per update.' }).default([]),
  nextStep: text(2000, 'Next step').default(''),
}).refine((u) => new Set(u.readings.map((r) => r.indicatorId)).size === u.readings.length, {
  path: ['readings'], error: 'Give at most one reading per indicator in an update.',
});
export type StatusUpdateInput = z.output<typeof statusUpdateSchema>;

export const commentSchema = z.strictObject({
  body: requiredText(5000, 'Comment'),
  updateId: uuid('Update').nullish(),
  parentId: uuid('Reply-to comment').nullish(),
});
export type CommentInput = z.output<typeof commentSchema>;

export const resolveSchema = z.strictObject({
  resolved: z.boolean({ error: 'resolved must be true or false.' }).default(true),
});
