import 'server-only';
import { z } from 'zod';
import { ROLES } from '@/lib/domain/roles';

// Field errors here are catalogue keys (messages/en/admin.json), not sentences: the forms show them
// in the reader's language and the command line prints the English entry.
const key = (name: string) => `admin.errors.${name}`;

// As the database's own check: something@something, no spaces, at most 254 characters.
const EMAIL_PATTERN = /^[^@\s]+@[^@\s]+\.[^@\s]+$/;
const UUID_PATTERN = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const regionNames = new Intl.DisplayNames(['en'], { type: 'region' });

const id = z.string({ error: key('notFound') }).regex(UUID_PATTERN, { error: key('notFound') });

/** An organisation chosen from a list: a UUID, or nothing ('' or absent). */
const organisationChoice = z
  .string({ error: key('organisationUnknown') })
  .trim()
  .regex(new RegExp(`^(|${UUID_PATTERN.source.slice(1, -1)})$`, 'i'), { error: key('organisationUnknown') })
  .nullish()
  .transform((value) => value || null);

const name = z
  .string({ error: key('nameRequired') })
  .trim()
  .min(1, { error: key('nameRequired') })
  .max(200, { error: key('nameTooLong') });

const role = z.enum(ROLES, { error: key('roleInvalid') });

const access = { name, role, organisationId: organisationChoice };

// Staff act for their organisation, so a staff account without one could never post an update.
const staffNeedOrganisation = <T extends { role: string; organisationId: string | null }>(value: T) =>
  value.role !== 'staff' || value.organisationId !== null;
const staffRule = {
  error: key('organisationRequired'),
  path: ['organisationId'],
  // Also when another field is wrong, so the form shows every problem at once.
  when: (payload: { issues: { path?: PropertyKey[] }[] }) =>
    !payload.issues.some((issue) => issue.path?.[0] === 'role' || issue.path?.[0] === 'organisationId'),
};

export const createUserSchema = z
  .object({
    email: z
      .string({ error: key('emailRequired') })
      .trim()
      .toLowerCase()
      // One message per problem, without `abort` (which would also skip the staff rule below).
      .min(1, { error: key('emailRequired') })
      .max(254, { error: key('emailTooLong') })
      .refine((value) => value === '' || value.length > 254 || EMAIL_PATTERN.test(value), { error: key('emailInvalid') }),
    ...access,
  })
  .refine(staffNeedOrganisation, staffRule);
export type CreateUserInput = z.output<typeof createUserSchema>;

export const updateUserSchema = z.object({ id, ...access }).refine(staffNeedOrganisation, staffRule);

export const userIdSchema = z.object({ id });

const organisationFields = {
  name: z
    .string({ error: key('organisationNameRequired') })
    .trim()
    .min(1, { error: key('organisationNameRequired'), abort: true })
    .max(200, { error: key('organisationNameTooLong') }),
  shortName: z
    .string()
    .trim()
    .max(40, { error: key('shortNameTooLong') })
    .nullish()
    .transform((value) => value || null),
  // ISO 3166-1 alpha-2, typed in either case; an unassigned code ("QQ") is refused too.
  country: z
    .string({ error: key('countryInvalid') })
    .trim()
    .toUpperCase()
    .regex(/^[A-Z]{2}$/, { error: key('countryInvalid'), abort: true })
    .refine((code) => code !== 'ZZ' && regionNames.of(code) !== code, { error: key('countryInvalid') }),
};

export const createOrganisationSchema = z.object(organisationFields);
export const updateOrganisationSchema = z.object({ id, ...organisationFields });

export const auditFilterSchema = z.object({
  action: z
    .string()
    .trim()
    .max(64, { error: key('auditFilterInvalid') })
    .regex(/^[a-z_.]*$/, { error: key('auditFilterInvalid') })
    .optional()
    .transform((value) => value ?? ''),
});
