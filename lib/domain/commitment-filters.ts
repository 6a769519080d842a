import { z } from 'zod';
import { HEALTHS, type Health, STAGES, type Stage } from './stages';

// The commitments list's filters, as they live in the URL (so a link shows a colleague the same
// list) and as the API's query parameters. One parser for both.

export const SORTS = ['due', 'updated', 'stage', 'title', 'reference'] as const;
export type Sort = (typeof SORTS)[number];
export const DEFAULT_PAGE_SIZE = 25;
const MAX_PAGE_SIZE = 100;

export interface CommitmentFilters {
  agenda?: string;
  sector?: string;
  stage: Stage[];
  /**
   * YYYY-MM-DD: the list as it stood at the end of that day (UTC): commitments created by then, with
   * `stage` matching the stage each was in at that moment. Other filters apply to today's values.
   */
  asOf?: string;
  health: Health[];
  organisation?: string;
  overdue: boolean;
  stale: boolean;
  q?: string;
  sort: Sort;
  order: 'asc' | 'desc';
  page: number;
  pageSize: number;
}

const slug = z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, { error: 'must be a slug (lower-case letters, digits, dashes)' });
const flag = z.enum(['1', 'true', '0', 'false'], { error: 'must be 1 or 0' }).transform((v) => v === '1' || v === 'true');
const list = <T extends string>(values: readonly [T, ...T[]]) =>
  z.array(z.enum(values, { error: `must be one of: ${values.join(', ')}` }));
const positiveInt = (max: number) =>
  z.string().regex(/^\d{1,6}$/, { error: 'must be a whole number' }).transform(Number).pipe(z.number().int().min(1).max(max));

const querySchema = z.strictObject({
  agenda: slug.optional(),
  sector: slug.optional(),
  stage: list(STAGES).optional(),
  asOf: z.iso.date({ error: 'must be a date (YYYY-MM-DD)' }).optional(),
  health: list(HEALTHS).optional(),
  organisation: z.uuid({ error: 'must be an organisation identifier' }).optional(),
  overdue: flag.optional(),
  stale: flag.optional(),
  q: z.string().trim().max(200, { error: 'must be at most 200 characters' }).optional(),
  sort: z.enum(SORTS, { error: `must be one of: ${SORTS.join(', ')}` }).optional(),
  order: z.enum(['asc', 'desc'], { error: 'must be asc or desc' }).optional(),
  page: positiveInt(100000).optional(),
  pageSize: positiveInt(MAX_PAGE_SIZE).optional(),
});

const MULTI = new Set(['stage', 'health']);

type Raw = Record<string, string | string[] | undefined> | URLSearchParams;

function collect(raw: Raw): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  const entries: [string, string][] =
    raw instanceof URLSearchParams
      ? [...raw.entries()]
      : Object.entries(raw).flatMap(([k, v]) => (v === undefined ? [] : Array.isArray(v) ? v.map((x) => [k, x] as [string, string]) : [[k, v] as [string, string]]));
  for (const [key, value] of entries) {
    if (value === '') continue;
    if (MULTI.has(key)) {
      const values = value.split(',').filter(Boolean);
      out[key] = [...((out[key] as string[] | undefined) ?? []), ...values];
    } else {
      out[key] = value;
    }
  }
  return out;
}

export type FilterParseResult = { ok: true; filters: CommitmentFilters } | { ok: false; fields: Record<string, string[]> };

/** Parses filters from a URL's query. Unknown parameters and bad values are reported by name. */
export function parseCommitmentFilters(raw: Raw): FilterParseResult {
  const result = querySchema.safeParse(collect(raw));
  if (!result.success) {
    const fields: Record<string, string[]> = {};
    for (const issue of result.error.issues) {
      const key = issue.path[0] !== undefined ? String(issue.path[0]) : '_';
      const message = issue.code === 'unrecognized_keys' ? `Unknown parameter(s): ${issue.keys.join(', ')}` : `${key} ${issue.message}`;
      (fields[issue.code === 'unrecognized_keys' ? '_' : key] ??= []).push(message);
    }
    return { ok: false, fields };
  }
  const v = result.data;
  return {
    ok: true,
    filters: {
      agenda: v.agenda,
      sector: v.sector,
      stage: [...new Set(v.stage ?? [])],
      asOf: v.asOf,
      health: [...new Set(v.health ?? [])],
      organisation: v.organisation,
      overdue: v.overdue ?? false,
      stale: v.stale ?? false,
      q: v.q || undefined,
      sort: v.sort ?? 'due',
      order: v.order ?? (v.sort === 'updated' ? 'desc' : 'asc'),
      page: v.page ?? 1,
      pageSize: v.pageSize ?? DEFAULT_PAGE_SIZE,
    },
  };
}

/** The query string for a set of filters, without defaults, in a stable order: links stay short and shareable. */
function filtersToQuery(filters: Partial<CommitmentFilters>): string {
  const params = new URLSearchParams();
  if (filters.agenda) params.set('agenda', filters.agenda);
  if (filters.sector) params.set('sector', filters.sector);
  if (filters.stage?.length) params.set('stage', filters.stage.join(','));
  if (filters.asOf) params.set('asOf', filters.asOf);
  if (filters.health?.length) params.set('health', filters.health.join(','));
  if (filters.organisation) params.set('organisation', filters.organisation);
  if (filters.overdue) params.set('overdue', '1');
  if (filters.stale) params.set('stale', '1');
  if (filters.q) params.set('q', filters.q);
  if (filters.sort && filters.sort !== 'due') params.set('sort', filters.sort);
  const defaultOrder = filters.sort === 'updated' ? 'desc' : 'asc';
  if (filters.order && filters.order !== defaultOrder) params.set('order', filters.order);
  if (filters.page && filters.page > 1) params.set('page', String(filters.page));
  if (filters.pageSize && filters.pageSize !== DEFAULT_PAGE_SIZE) params.set('pageSize', String(filters.pageSize));
  const query = params.toString();
  return query ? `?${query}` : '';
}

/** A link to the commitments list for these filters. */
export function commitmentsHref(filters: Partial<CommitmentFilters>): string {
  return `/commitments${filtersToQuery(filters)}`;
}
