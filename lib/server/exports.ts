import 'server-only';
import { getAgendaBySlug, listAgendas, listSectors } from '@/db/queries/agendas';
import { type CommitmentExportRow, listCommitmentsForExport } from '@/db/queries/commitments';
import { databaseToday } from '@/db/queries/database';
import { listUpdatesForExport, type UpdateExportRow } from '@/db/queries/status-updates';
import type { QueryInput } from '@/lib/domain/query-params';
import type { ExportColumn } from '@/lib/domain/spreadsheet-cells';
import { parseUpdateExportParams } from '@/lib/domain/update-export-params';
import { filtersFromQuery } from './commitments';
import type { RequestContext } from './context';
import { AppError } from './errors';
import { authorize } from './guard';
import { CONTENT_TYPES, type SpreadsheetFormat, spreadsheetStream } from './spreadsheets';

// The spreadsheet exports: the commitments list with its filters, and an agenda's status updates for
// a period. Read a slice at a time and streamed; the columns are documented in the README and are
// what the import reads back.

const SLICE = 500;

export interface SpreadsheetDownload {
  fileName: string;
  contentType: string;
  body: ReadableStream<Uint8Array>;
}

export const COMMITMENT_COLUMNS: readonly ExportColumn<CommitmentExportRow>[] = [
  { key: 'reference', type: 'text', value: (r) => r.reference, width: 12 },
  { key: 'version', type: 'integer', value: (r) => r.version, width: 9 },
  { key: 'agenda', type: 'text', value: (r) => r.agenda, width: 24 },
  { key: 'sector', type: 'text', value: (r) => r.sector, width: 18 },
  { key: 'title', type: 'text', value: (r) => r.title, width: 48 },
  { key: 'description', type: 'text', value: (r) => r.description, width: 60 },
  { key: 'source_passage', type: 'text', value: (r) => r.sourcePassage, width: 40 },
  { key: 'lead_organisation_a', type: 'text', value: (r) => r.leadOrgA, width: 36 },
  { key: 'lead_organisation_b', type: 'text', value: (r) => r.leadOrgB, width: 36 },
  { key: 'due_date', type: 'date', value: (r) => r.dueDate, width: 12 },
  { key: 'stage', type: 'text', value: (r) => r.stage, width: 14 },
  { key: 'health', type: 'text', value: (r) => r.health, width: 12 },
  { key: 'overdue', type: 'boolean', value: (r) => r.overdue, width: 9 },
  { key: 'stale', type: 'boolean', value: (r) => r.stale, width: 9 },
  { key: 'last_update_at', type: 'datetime', value: (r) => r.lastUpdateAt, width: 20 },
  { key: 'updated_at', type: 'datetime', value: (r) => r.updatedAt, width: 20 },
];

export const UPDATE_COLUMNS: readonly ExportColumn<UpdateExportRow>[] = [
  { key: 'update_id', type: 'text', value: (r) => r.id, width: 38 },
  { key: 'posted_at', type: 'datetime', value: (r) => r.postedAt, width: 20 },
  { key: 'commitment', type: 'text', value: (r) => r.commitment, width: 12 },
  { key: 'sector', type: 'text', value: (r) => r.sector, width: 18 },
  { key: 'sequence', type: 'integer', value: (r) => r.sequence, width: 9 },
  { key: 'author', type: 'text', value: (r) => r.author, width: 24 },
  { key: 'author_organisation', type: 'text', value: (r) => r.authorOrganisation, width: 36 },
  { key: 'stage_before', type: 'text', value: (r) => r.stageBefore, width: 14 },
  { key: 'stage_after', type: 'text', value: (r) => r.stageAfter, width: 14 },
  { key: 'health', type: 'text', value: (r) => r.health, width: 12 },
  { key: 'narrative', type: 'text', value: (r) => r.narrative, width: 60 },
  { key: 'next_step', type: 'text', value: (r) => r.nextStep, width: 40 },
  { key: 'readings', type: 'text', value: (r) => r.readings, width: 48 },
  { key: 'evidence', type: 'text', value: (r) => r.evidence, width: 48 },
  { key: 'demo_data', type: 'boolean', value: (r) => r.isDemo, width: 10 },
];

/** The commitments list, with the list's query parameters (page and page size are ignored: every row goes out). */
export async function exportCommitments(ctx: RequestContext, query: QueryInput, format: SpreadsheetFormat): Promise<SpreadsheetDownload> {
  const { db } = authorize(ctx, 'commitment.read');
  const filters = filtersFromQuery(query);
  const today = await databaseToday({ db });
  async function* slices() {
    for (let offset = 0; ; offset += SLICE) {
      const rows = await listCommitmentsForExport({ db, filters, limit: SLICE, offset });
      if (rows.length) yield rows;
      if (rows.length < SLICE) return;
    }
  }
  return {
    fileName: `commitments-${filters.asOf ? `as-of-${filters.asOf}` : today}.${format}`,
    contentType: CONTENT_TYPES[format],
    body: spreadsheetStream(format, { name: 'Commitments', columns: COMMITMENT_COLUMNS, slices: slices() }),
  };
}

/** An agenda's status updates posted in a period, oldest first, one row per update with its readings. */
export async function exportUpdates(ctx: RequestContext, query: QueryInput, format: SpreadsheetFormat): Promise<SpreadsheetDownload> {
  const { db } = authorize(ctx, 'commitment.read');
  const parsed = parseUpdateExportParams(query);
  if (!parsed.ok) throw new AppError('invalid', { key: 'problem.invalidFilters' }, parsed.fields);
  const { params } = parsed;
  const agenda = params.agenda ? await getAgendaBySlug({ db, slug: params.agenda }) : (await listAgendas({ db }))[0];
  if (!agenda) throw new AppError('not_found', { key: 'problem.noAgenda', values: { slug: params.agenda ?? '' } });
  if (params.sector && !(await listSectors({ db })).some((s) => s.slug === params.sector)) {
    throw new AppError('not_found', { key: 'problem.noSector', values: { slug: params.sector } });
  }
  const from = params.from ?? agenda.signedOn;
  const to = params.to ?? (await databaseToday({ db }));
  if (from > to) {
    throw new AppError('invalid', { key: 'problem.invalidFilters' }, { from: [{ key: 'validation.query.notAfterToday', values: { parameter: 'from' } }] });
  }
  const filters = { agenda: agenda.slug, sector: params.sector, from, to };
  async function* slices() {
    let after: { postedAt: string; id: string } | undefined;
    for (;;) {
      const rows = await listUpdatesForExport({ db, filters, after, limit: SLICE });
      if (rows.length) yield rows;
      if (rows.length < SLICE) return;
      const last = rows[rows.length - 1]!;
      after = { postedAt: last.postedAt, id: last.id };
    }
  }
  return {
    fileName: `updates-${agenda.slug}${params.sector ? `-${params.sector}` : ''}-${from}-to-${to}.${format}`,
    contentType: CONTENT_TYPES[format],
    body: spreadsheetStream(format, { name: 'Status updates', columns: UPDATE_COLUMNS, slices: slices() }),
  };
}

/** The download as an answer: an attachment with its file name, never cached. */
export function downloadResponse(download: SpreadsheetDownload): Response {
  return new Response(download.body, {
    headers: {
      'content-type': download.contentType,
      'content-disposition': `attachment; filename="${download.fileName}"`,
      'cache-control': 'no-store',
    },
  });
}
