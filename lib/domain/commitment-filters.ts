import { z } from 'zod';
import { CONFIRMATION_FILTERS, type ConfirmationFilter, type DashboardView } from './confirmation';
import type { FieldMessages } from './messages';
import { HEALTHS, type Health, STAGES, type Stage } from './stages';
import { parseQuery, type QueryInput } from './query-params';

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
  /** Commitments with an update awaiting the other side, with an open dispute, or with neither. */
  confirmation?: ConfirmationFilter;
  /** `confirmed`: `stage`, `health` and overdue ask of the confirmed stage and health (a confirmed-view figure's list). */
  view?: DashboardView;
  q?: string;
  sort: Sort;
  order: 'asc' | 'desc';
  page: number;
  pageSize: number;
}

// Errors name catalogue keys (validation.query.*), which say which parameter is wrong by its name.
export const slug = z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, { error: 'validation.query.slug' });
const flag = z.enum(['1', 'true', '0', 'false'], { error: 'validation.query.flag' }).transform((v) => v === '1' || v === 'true');
const list = <T extends string>(values: readonly [T, ...T[]]) => z.array(z.enum(values, { error: 'validation.query.oneOf' }));
const positiveInt = (max: number) =>
  z
    .string()
    .regex(/^\d{1,6}$/, { error: 'validation.query.wholeNumber' })
    .transform(Number)
    .pipe(z.number().int().min(1, { error: 'validation.query.atLeast' }).max(max, { error: 'validation.query.atMost' }));

/** The list's query parameters (also the spreadsheet export's, and the OpenAPI document's). */
export const commitmentQuerySchema = z.strictObject({
  agenda: slug.optional(),
  sector: slug.optional(),
  stage: list(STAGES).optional(),
  asOf: z.iso.date({ error: 'validation.query.date' }).optional(),
  health: list(HEALTHS).optional(),
  organisation: z.uuid({ error: 'validation.query.organisation' }).optional(),
  overdue: flag.optional(),
  stale: flag.optional(),
  confirmation: z.enum(CONFIRMATION_FILTERS, { error: 'validation.query.oneOf' }).optional(),
  view: z.enum(['reported', 'confirmed'], { error: 'validation.query.oneOf' }).optional(),
  q: z.string().trim().max(200, { error: 'validation.query.tooLong' }).optional(),
  sort: z.enum(SORTS, { error: 'validation.query.oneOf' }).optional(),
  order: z.enum(['asc', 'desc'], { error: 'validation.query.oneOf' }).optional(),
  page: positiveInt(100000).optional(),
  pageSize: positiveInt(MAX_PAGE_SIZE).optional(),
}, { error: 'validation.query.unknown' });

const MULTI = new Set(['stage', 'health']);

export type FilterParseResult = { ok: true; filters: CommitmentFilters } | { ok: false; fields: FieldMessages };

/** Parses filters from a URL's query. Unknown parameters and bad values are reported by name. */
export function parseCommitmentFilters(raw: QueryInput): FilterParseResult {
  const result = parseQuery(commitmentQuerySchema, raw, MULTI);
  if (!result.ok) return result;
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
      confirmation: v.confirmation,
      view: v.view === 'confirmed' ? 'confirmed' : undefined,
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
  if (filters.confirmation) params.set('confirmation', filters.confirmation);
  if (filters.view === 'confirmed') params.set('view', 'confirmed');
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

/** The spreadsheet of the whole filtered list (every page), as CSV or XLSX. */
export function commitmentsExportHref(filters: Partial<CommitmentFilters>, format: 'csv' | 'xlsx'): string {
  return `/api/v1/commitments.${format}${filtersToQuery({ ...filters, page: 1, pageSize: DEFAULT_PAGE_SIZE })}`;
}
