import { z } from 'zod';
import { isIsoDate } from './dates';

// A review's fields, for the pages' forms and the API alike. Strict: anything else is refused by name.
const name = z.string({ error: 'validation.notText' }).trim().min(1, { error: 'validation.required' }).max(200, { error: 'validation.tooLong' });
const date = z.string({ error: 'validation.date' }).refine(isIsoDate, { error: 'validation.realDate' });

export const createReviewSchema = z.strictObject({
  name,
  date,
  agendaId: z.uuid({ error: 'validation.uuid' }).optional(),
});

export const updateReviewSchema = z.strictObject({ name: name.optional(), date: date.optional() });

/** Holding takes no options: `{}` or no body. */
export const holdReviewSchema = z.strictObject({});
