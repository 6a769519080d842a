import 'server-only';
import { findImport, insertImport, markImportApplied } from '@/db/queries/imports';
import type { Message } from '@/lib/domain/messages';
import { recordAudit } from '../audit';
import { createCommitment, updateCommitment } from '../commitment-writes';
import { isUuid } from '../commitments';
import type { RequestContext } from '../context';
import { AppError, asAppError } from '../errors';
import { authorizeRole } from '../guard';
import { recordStatusUpdate } from '../status-updates';
import { COMMITMENT_COLUMNS, UPDATE_COLUMNS } from '../exports';
import { type ImportSheet, readImportFile } from './import-files';
import { type Operation, type PlannedRow, planRows, type RowProblem } from './plan';
import { planUpdateRows } from './plan-updates';

// Importing a commitments spreadsheet: a preview that writes nothing but itself, then its application,
// all rows in one transaction, each through the function a single create, edit or status update uses,
// so the stage rules, the permissions and the audit events are theirs.

// Both downloads' columns: a file in the commitments' format creates and edits commitments (and posts
// an update where its stage or health changed), one in the status updates' format posts updates.
const COLUMN_TYPES = Object.fromEntries([...UPDATE_COLUMNS, ...COMMITMENT_COLUMNS].map((c) => [c.key, c.type]));
const COLUMNS = { commitments: COMMITMENT_COLUMNS.map((c) => c.key), updates: UPDATE_COLUMNS.map((c) => c.key) };

/** Which download a file's rows follow: the updates' has an update_id column. */
function planFor(ctx: RequestContext, rows: ImportSheet['rows'], kind: keyof typeof COLUMNS): Promise<PlannedRow[]> {
  return kind === 'updates' ? planUpdateRows(ctx, rows) : planRows(ctx, rows);
}
const PREVIEW_HOURS = 24;

/** Where a field of the create, edit and update inputs sits in the file. */
const COLUMN_OF_FIELD: Record<string, string> = {
  agendaId: 'agenda', reference: 'reference', version: 'version', sector: 'sector', title: 'title', description: 'description',
  sourcePassage: 'source_passage', leadOrgAId: 'lead_organisation_a', leadOrgBId: 'lead_organisation_b', dueDate: 'due_date',
  stage: 'stage', health: 'health', narrative: 'narrative', nextStep: 'next_step', evidence: 'evidence', readings: 'readings',
};

interface UploadedFile {
  name: string;
  bytes: Buffer;
}

export interface ImportPreview {
  id: string;
  fileName: string;
  status: 'previewed' | 'applied';
  expiresAt: Date;
  appliedAt: Date | null;
  counts: Record<PlannedRow['action'], number>;
  rows: Omit<PlannedRow, 'operations'>[];
}

/** Reads the file, works out what each row would do and tries it in a transaction that is rolled back; stores the preview. */
export async function previewImport(ctx: RequestContext, source: UploadedFile | (() => Promise<UploadedFile>)): Promise<ImportPreview> {
  const { viewer } = authorizeRole(ctx, 'commitment.import');
  // The file is read only after the checks of who is asking, as every entry point's body is.
  const file = typeof source === 'function' ? await source() : source;
  const sheet = await readImportFile(file.bytes, COLUMN_TYPES);
  const kind = checkHeader(sheet);
  const plan = await dryRun(ctx, await planFor(ctx, sheet.rows, kind), sheet.header);
  const { id, expiresAt } = await insertImport({
    db: ctx.db, fields: { ownerId: viewer.id, fileName: file.name.slice(0, 255), rows: sheet.rows, plan, hours: PREVIEW_HOURS },
  });
  return shape({ id, fileName: file.name, status: 'previewed', expiresAt, appliedAt: null, plan });
}

/** One of the caller's own imports; another person's is a 404. */
export async function getImport(ctx: RequestContext, id: string): Promise<ImportPreview> {
  const { viewer } = authorizeRole(ctx, 'commitment.import');
  const found = isUuid(id) ? await findImport({ db: ctx.db, id, ownerId: viewer.id }) : undefined;
  if (!found) throw new AppError('not_found', { key: 'imports.problem.notFound' });
  return shape({ ...found, status: found.status as ImportPreview['status'], plan: found.plan as PlannedRow[] });
}

/**
 * Applies a previewed import, all or nothing: 409 when it was applied already, has expired, or the
 * commitments changed since the preview (preview again); 422 when the preview showed errors.
 */
export async function applyImport(ctx: RequestContext, id: string): Promise<ImportPreview> {
  const { viewer } = authorizeRole(ctx, 'commitment.import');
  if (!isUuid(id)) throw new AppError('not_found', { key: 'imports.problem.notFound' });
  return ctx.db.transaction(async (tx) => {
    const found = await findImport({ db: tx, id, ownerId: viewer.id, forUpdate: true });
    if (!found) throw new AppError('not_found', { key: 'imports.problem.notFound' });
    if (found.status === 'applied') throw new AppError('conflict', { key: 'imports.problem.alreadyApplied' });
    if (found.expired) throw new AppError('conflict', { key: 'imports.problem.expired' });
    const stored = found.plan as PlannedRow[];
    if (stored.some((row) => row.errors.length)) throw new AppError('invalid', { key: 'imports.problem.hasErrors' });
    const inTx = { ...ctx, db: tx };
    const rows = found.rows as ImportSheet['rows'];
    const fresh = await planFor(inTx, rows, rows[0] && 'update_id' in rows[0].cells ? 'updates' : 'commitments');
    if (JSON.stringify(fresh.map(signature)) !== JSON.stringify(stored.map(signature))) {
      throw new AppError('conflict', { key: 'imports.problem.stale' });
    }
    for (const row of fresh) {
      try {
        await runRow(inTx, row.operations);
      } catch (error) {
        const known = asAppError(error);
        if (!known) throw error;
        const fields: Record<string, Message[]> = {};
        for (const p of problemsOf(known, row.operations, Object.keys(rows[0]!.cells))) (fields[`${row.row}.${p.column || 'row'}`] ??= []).push(p.message);
        throw new AppError(known.code === 'invalid' || known.code === 'bad_request' ? 'invalid' : known.code, {
          key: 'imports.problem.rowFailed', values: { row: row.row },
        }, fields);
      }
    }
    if (!(await markImportApplied({ db: tx, id }))) throw new AppError('conflict', { key: 'imports.problem.alreadyApplied' });
    const counts = countActions(fresh);
    await recordAudit(tx, {
      actor: { id: viewer.id, label: viewer.email }, action: 'import.applied', entityType: 'import', entityId: id,
      after: { fileName: found.fileName, counts }, sourceAddress: ctx.sourceAddress, userAgent: ctx.userAgent,
    });
    return shape({ ...found, status: 'applied', appliedAt: new Date(), plan: stored });
  });
}

function checkHeader(sheet: ImportSheet): keyof typeof COLUMNS {
  const kind = sheet.header.includes('update_id') ? 'updates' : 'commitments';
  const missing = COLUMNS[kind].filter((column) => !sheet.header.includes(column));
  const unknown = sheet.header.filter((column) => !COLUMNS[kind].includes(column));
  if (missing.length || unknown.length) {
    throw new AppError('invalid', {
      key: 'imports.refused.header', values: { missing: missing.join(', ') || '—', unknown: unknown.join(', ') || '—' },
    });
  }
  return kind;
}

/** What a row does, without the ids a create will be given: equal for a preview and its application when nothing moved in between. */
function signature(row: PlannedRow): string {
  // Sorted keys: the stored plan comes back from jsonb, which keeps no key order.
  return JSON.stringify([row.row, row.action, row.changes, row.operations], (_key, value: unknown) =>
    value && typeof value === 'object' && !Array.isArray(value) ? Object.fromEntries(Object.entries(value).sort(([a], [b]) => a.localeCompare(b))) : value);
}

class DryRunDone extends Error {}

/** Each row that would write, tried in its own savepoint inside a transaction that is always rolled back: its refusals become the row's errors. */
async function dryRun(ctx: RequestContext, plan: PlannedRow[], header: readonly string[]): Promise<PlannedRow[]> {
  try {
    await ctx.db.transaction(async (tx) => {
      for (const row of plan) {
        if (!row.operations.length || row.errors.length) continue;
        try {
          await tx.transaction((savepoint) => runRow({ ...ctx, db: savepoint }, row.operations));
        } catch (error) {
          const known = asAppError(error);
          if (!known) throw error;
          row.errors.push(...problemsOf(known, row.operations, header));
          row.action = known.code === 'conflict' ? 'conflict' : 'error';
        }
      }
      throw new DryRunDone();
    });
  } catch (error) {
    if (!(error instanceof DryRunDone)) throw error;
  }
  return plan;
}

/** A row's operations, through the functions single edits use; a status update after a create goes to the new commitment. */
async function runRow(ctx: RequestContext, operations: readonly Operation[]): Promise<void> {
  let created: string | undefined;
  for (const op of operations) {
    if (op.kind === 'create') created = (await createCommitment(ctx, op.input)).id;
    else if (op.kind === 'edit') await updateCommitment(ctx, op.id, op.patch);
    else await recordStatusUpdate(ctx, (op.id ?? created)!, op.input);
  }
}

/** A refusal as problems by column: each field's messages, or the summary for the row as a whole. */
function problemsOf(error: AppError, operations: readonly Operation[], header: readonly string[]): RowProblem[] {
  const posting = operations.some((op) => op.kind === 'status');
  // A stage rule about a column the file does not have (a narrative, in the commitments' format) is about its stage.
  const stageColumn = header.includes('stage_after') ? 'stage_after' : 'stage';
  const fields = Object.entries(error.fields);
  const problems: RowProblem[] = [];
  for (const [path, messages] of fields) {
    const named = COLUMN_OF_FIELD[path.split('.')[0]!];
    const column = named === 'stage' ? stageColumn : named && header.includes(named) ? named : posting ? stageColumn : '';
    for (const message of messages) problems.push({ column, message });
  }
  // The stage rules' summary says what the fields' messages mean; other refusals are the summary alone.
  if (!fields.length || error.code !== 'invalid') problems.unshift({ column: '', message: error.summary as Message });
  return problems;
}

function countActions(plan: readonly PlannedRow[]): ImportPreview['counts'] {
  const counts: ImportPreview['counts'] = { create: 0, change: 0, update: 0, unchanged: 0, conflict: 0, error: 0 };
  for (const row of plan) counts[row.action] += 1;
  return counts;
}

function shape(found: { id: string; fileName: string; status: ImportPreview['status']; expiresAt: Date; appliedAt: Date | null; plan: PlannedRow[] }): ImportPreview {
  return {
    id: found.id, fileName: found.fileName, status: found.status, expiresAt: found.expiresAt, appliedAt: found.appliedAt,
    counts: countActions(found.plan),
    rows: found.plan.map(({ operations: _operations, ...row }) => row),
  };
}
