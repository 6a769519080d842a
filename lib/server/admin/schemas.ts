import 'server-only';
import { z } from 'zod';
import { isIsoDate } from '@/lib/domain/dates';
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

/** A record acted on by its id alone: a user, a sector or an agenda. */
export const idSchema = z.object({ id });

/** Text a person must type: trimmed, at least one character, at most `max`. */
const required = (max: number, missing: string, tooLong: string) =>
  z
    .string({ error: key(missing) })
    .trim()
    .min(1, { error: key(missing), abort: true })
    .max(max, { error: key(tooLong) });

// ISO 3166-1 alpha-2, typed in either case; an unassigned code ("QQ") is refused too.
const country = z
  .string({ error: key('countryInvalid') })
  .trim()
  .toUpperCase()
  .regex(/^[A-Z]{2}$/, { error: key('countryInvalid'), abort: true })
  .refine((code) => code !== 'ZZ' && regionNames.of(code) !== code, { error: key('countryInvalid') });

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
  country,
};

export const createOrganisationSchema = z.object(organisationFields);
export const updateOrganisationSchema = z.object({ id, ...organisationFields });

/** A slug as URLs use it ("transport-logistics"), as the database's own check; derived from `from` when left empty. */
const SLUG_PATTERN = /^[a-z0-9]+(-[a-z0-9]+)*$/;
const optionalSlug = z
  .string()
  .trim()
  .toLowerCase()
  .max(60, { error: key('slugInvalid') })
  .refine((value) => value === '' || SLUG_PATTERN.test(value), { error: key('slugInvalid') })
  .nullish()
  .transform((value) => value || '');

function slugFrom(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60)
    .replace(/-+$/, '');
}

/** The slug typed, or one made from the name; a name with no Latin letter or digit needs one typed. */
function withSlug<T extends { slug: string }>(from: (value: T) => string) {
  return (value: T, ctx: z.RefinementCtx) => {
    const slug = value.slug || slugFrom(from(value));
    if (!slug) ctx.addIssue({ code: 'custom', path: ['slug'], message: key('slugRequired') });
    return { ...value, slug };
  };
}

const sectorName = required(100, 'sectorNameRequired', 'sectorNameTooLong');

export const createSectorSchema = z
  .object({
    name: sectorName,
    slug: optionalSlug,
    colour: z
      .string({ error: key('colourInvalid') })
      .trim()
      .toLowerCase()
      .regex(/^#[0-9a-f]{6}$/, { error: key('colourInvalid') }),
  })
  .transform(withSlug((value) => value.name));
export const renameSectorSchema = z.object({ id, name: sectorName });

const agendaTitle = required(300, 'agendaTitleRequired', 'agendaTitleTooLong');

export const createAgendaSchema = z
  .object({
    title: agendaTitle,
    slug: optionalSlug,
    partyA: country,
    partyB: country,
    signedOn: z.string({ error: key('dateInvalid') }).trim().refine(isIsoDate, { error: key('dateInvalid') }),
    place: required(200, 'placeRequired', 'placeTooLong'),
    sourceTitle: required(300, 'sourceTitleRequired', 'sourceTitleTooLong'),
    sourceDocument: required(1000, 'sourceDocumentRequired', 'sourceDocumentTooLong'),
    summary: z.string().trim().max(2000, { error: key('summaryTooLong') }).nullish().transform((value) => value ?? ''),
  })
  .refine((value) => value.partyA !== value.partyB, { error: key('partiesSame'), path: ['partyB'] })
  .transform(withSlug((value) => value.title));
export const renameAgendaSchema = z.object({ id, title: agendaTitle });

export const auditFilterSchema = z.object({
  action: z
    .string()
    .trim()
    .max(64, { error: key('auditFilterInvalid') })
    .regex(/^[a-z_.]*$/, { error: key('auditFilterInvalid') })
    .optional()
    .transform((value) => value ?? ''),
});
