import { z } from 'zod';
import { isHttpUrl } from './commitment-fields';
import { DISPUTE_NOTE_MIN_LENGTH, isSentence } from './confirmation';
import { isIsoDate } from './dates';
import { HEALTHS, STAGES } from './stages';

// One zod schema per input, shared by the forms' server actions and the JSON API. Objects are
// strict: a field a client may not set (id, version on create, author, timestamps, stage outside
// an update) is refused by name rather than silently dropped. Errors are catalogue keys
// (messages/en/validation.json); the field's label and zod's limits fill them in (lib/domain/validation.ts).

const text = (max: number) => z.string({ error: 'validation.notText' }).trim().max(max, { error: 'validation.tooLong' });
const requiredText = (max: number) => text(max).min(1, { error: 'validation.required' });

const isoDate = () => z.string({ error: 'validation.date' }).refine(isIsoDate, { error: 'validation.realDate' });

// An empty choice (a form's "Choose…" option) says what is missing, not that it is no UUID.
const uuid = () =>
  z
    .string({ error: 'validation.required' })
    .min(1, { error: 'validation.required', abort: true })
    .pipe(z.uuid({ error: 'validation.uuid' }));

const httpUrl = z
  .string({ error: 'validation.linkNotText' })
  .trim()
  .max(2048, { error: 'validation.linkTooLong' })
  .refine(isHttpUrl, { error: 'validation.linkNotWeb' });

const stageSchema = z.enum(STAGES, { error: 'validation.oneOf' });
const healthSchema = z.enum(HEALTHS, { error: 'validation.oneOf' });
const finite = () => z.number({ error: 'validation.number' }).refine(Number.isFinite, { error: 'validation.finiteNumber' });

const indicatorInputSchema = z.strictObject({
  name: requiredText(200),
  unit: requiredText(50),
  baselineValue: finite(),
  baselineDate: isoDate(),
  targetValue: finite(),
  targetDate: isoDate(),
  direction: z.enum(['higher_is_better', 'lower_is_better'], { error: 'validation.oneOf' }),
}).superRefine((ind, ctx) => {
  const beyond = ind.direction === 'higher_is_better' ? ind.targetValue > ind.baselineValue : ind.targetValue < ind.baselineValue;
  if (!beyond) ctx.addIssue({ code: 'custom', path: ['targetValue'], message: 'validation.targetNotBetter' });
  if (ind.targetDate < ind.baselineDate) ctx.addIssue({ code: 'custom', path: ['targetDate'], message: 'validation.targetBeforeBaseline' });
});

const commitmentFields = {
  sector: z
    .string({ error: 'validation.sectorSlug' })
    .min(1, { error: 'validation.required', abort: true })
    .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, { error: 'validation.sectorSlug' }),
  title: requiredText(300),
  description: text(5000),
  sourcePassage: requiredText(5000),
  leadOrgAId: uuid(),
  leadOrgBId: uuid(),
  dueDate: isoDate().nullable(),
};

export const commitmentCreateSchema = z
  .strictObject({
    agendaId: uuid(),
    reference: z.string({ error: 'validation.reference' }).trim().regex(/^[A-Za-z0-9-]{1,20}$/, { error: 'validation.reference' }).optional(),
    ...commitmentFields,
    description: commitmentFields.description.default(''),
    dueDate: commitmentFields.dueDate.default(null),
    indicators: z.array(indicatorInputSchema, { error: 'validation.list' }).max(20, { error: 'validation.tooManyIndicators' }).default([]),
  })
  .refine((c) => c.leadOrgAId !== c.leadOrgBId, { path: ['leadOrgBId'], error: 'validation.sameLeads' });

export const commitmentPatchSchema = z
  .strictObject({
    version: z.number({ error: 'validation.version' }).int({ error: 'validation.version' }).min(1, { error: 'validation.version' }),
    sector: commitmentFields.sector.optional(),
    title: commitmentFields.title.optional(),
    description: commitmentFields.description.optional(),
    sourcePassage: commitmentFields.sourcePassage.optional(),
    leadOrgAId: commitmentFields.leadOrgAId.optional(),
    leadOrgBId: commitmentFields.leadOrgBId.optional(),
    dueDate: commitmentFields.dueDate.optional(),
  })
  .refine((p) => Object.keys(p).some((k) => k !== 'version'), { error: 'validation.nothingToChange' });

const readingInputSchema = z.strictObject({
  indicatorId: uuid(),
  value: finite(),
  asOf: isoDate(),
});

export const statusUpdateSchema = z.strictObject({
  stage: stageSchema,
  health: healthSchema,
  narrative: text(10000).default(''),
  readings: z.array(readingInputSchema, { error: 'validation.list' }).max(50, { error: 'validation.tooManyReadings' }).default([]),
  evidence: z.array(httpUrl, { error: 'validation.list' }).max(20, { error: 'validation.tooManyLinks' }).default([]),
  nextStep: text(2000).default(''),
}).refine((u) => new Set(u.readings.map((r) => r.indicatorId)).size === u.readings.length, {
  path: ['readings'], error: 'validation.oneReadingEach',
});

export const commentSchema = z.strictObject({
  body: requiredText(5000),
  updateId: uuid().nullish(),
  parentId: uuid().nullish(),
});

export const resolveSchema = z.strictObject({
  resolved: z.boolean({ error: 'validation.trueOrFalse' }).default(true),
});

/** The other side's decision on a status update; a dispute says, in at least a sentence, what it sees instead. */
export const decisionSchema = z.strictObject({
  decision: z.enum(['confirm', 'dispute'], { error: 'validation.oneOf' }),
  note: text(5000).default(''),
}).superRefine((d, ctx) => {
  if (d.decision === 'dispute' && !isSentence(d.note)) {
    ctx.addIssue({ code: 'custom', path: ['note'], message: 'validation.disputeNote', params: { min: DISPUTE_NOTE_MIN_LENGTH } });
  }
});

export const TOKEN_SCOPES = ['read', 'read-write'] as const;
const TOKEN_MAX_DAYS = 365;
const TOKEN_DEFAULT_DAYS = 90;

/** A new personal API token: a name to tell it by, what it may do, and how long it lives (at most a year). */
export const tokenCreateSchema = z.strictObject({
  name: requiredText(100),
  scope: z.enum(TOKEN_SCOPES, { error: 'validation.oneOf' }),
  expiresInDays: z
    .number({ error: 'validation.tokenDays' })
    .int({ error: 'validation.tokenDays' })
    .min(1, { error: 'validation.tokenDays' })
    .max(TOKEN_MAX_DAYS, { error: 'validation.tokenDays' })
    .default(TOKEN_DEFAULT_DAYS),
});
