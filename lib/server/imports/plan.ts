import 'server-only';
import { type ImportTarget, listImportReferences, listImportTargets } from '@/db/queries/imports';
import type { Message } from '@/lib/domain/messages';
import { HEALTHS, type Health, type Stage, STAGES } from '@/lib/domain/stages';
import type { RequestContext } from '../context';

// What each row of an import file would do, worked out from the file and the commitments as they are
// now: create, change (with the fields that change), update (a new stage or health, posted as a
// status update), unchanged, or a conflict or error. The operations are what applying runs, through
// the same functions as single edits.

type RowAction = 'create' | 'change' | 'update' | 'unchanged' | 'conflict' | 'error';

export interface RowProblem {
  /** The file's column it concerns; '' for the row as a whole. */
  column: string;
  message: Message;
}

export type Operation =
  | { kind: 'create'; input: Record<string, unknown> }
  | { kind: 'edit'; id: string; patch: Record<string, unknown> }
  | { kind: 'status'; id?: string; from?: { stage: Stage; health: Health }; input: { stage: Stage; health: Health } & Record<string, unknown> };

export interface PlannedRow {
  row: number;
  reference: string;
  title: string;
  action: RowAction;
  changes: { column: string; from: string; to: string }[];
  errors: RowProblem[];
  operations: Operation[];
}

type Cells = Record<string, string>;

const EDITED: { column: string; field: string; value: (t: ImportTarget) => string }[] = [
  { column: 'sector', field: 'sector', value: (t) => t.sector },
  { column: 'title', field: 'title', value: (t) => t.title },
  { column: 'description', field: 'description', value: (t) => t.description },
  { column: 'source_passage', field: 'sourcePassage', value: (t) => t.sourcePassage },
  { column: 'lead_organisation_a', field: 'leadOrgAId', value: (t) => t.leadOrgAId },
  { column: 'lead_organisation_b', field: 'leadOrgBId', value: (t) => t.leadOrgBId },
  { column: 'due_date', field: 'dueDate', value: (t) => t.dueDate ?? '' },
];

/** A cell as the schemas would store it: trimmed, line ends as LF (a spreadsheet may write CRLF inside a cell). */
function clean(text: string | undefined): string {
  return (text ?? '').replace(/\r\n?/g, '\n').trim();
}

export async function planRows(ctx: RequestContext, rows: readonly { row: number; cells: Cells }[]): Promise<PlannedRow[]> {
  const { agendas, organisations } = await listImportReferences({ db: ctx.db });
  const slugs = [...new Set(rows.map((r) => clean(r.cells.agenda)).filter(Boolean))];
  const targets = await listImportTargets({ db: ctx.db, agendas: slugs.filter((slug) => agendas.some((a) => a.slug === slug)) });
  const byKey = new Map(targets.map((t) => [`${t.agenda}\u0000${t.reference}`, t]));
  const orgName = new Map(organisations.map((o) => [o.id, o.name]));
  const seen = new Set<string>();

  return rows.map(({ row, cells }) => {
    const planned: PlannedRow = {
      row, reference: clean(cells.reference), title: clean(cells.title), action: 'error', changes: [], errors: [], operations: [],
    };
    const problem = (column: string, key: string, values?: Message['values']) => planned.errors.push({ column, message: { key: `imports.error.${key}`, values } });
    const agenda = agendas.find((a) => a.slug === clean(cells.agenda));
    if (!agenda) {
      problem('agenda', clean(cells.agenda) ? 'noAgenda' : 'agendaRequired', { slug: clean(cells.agenda) });
      return planned;
    }
    const lead = (column: string, country: string): string | undefined => {
      const name = clean(cells[column]);
      const id = organisations.find((o) => o.name === name && o.country === country)?.id;
      if (!id) problem(column, name ? 'noOrganisation' : 'organisationRequired', { name, country });
      return id;
    };
    const leadOrgAId = lead('lead_organisation_a', agenda.partyA);
    const leadOrgBId = lead('lead_organisation_b', agenda.partyB);
    const stage = clean(cells.stage);
    const health = clean(cells.health);
    if (stage && !(STAGES as readonly string[]).includes(stage)) problem('stage', 'noStage', { value: stage, values: STAGES.join(', ') });
    if (health && !(HEALTHS as readonly string[]).includes(health)) problem('health', 'noHealth', { value: health, values: HEALTHS.join(', ') });
    if (Boolean(stage) !== Boolean(health)) problem(stage ? 'health' : 'stage', 'stageWithHealth');
    const key = `${agenda.slug}\u0000${planned.reference}`;
    if (planned.reference && seen.has(key)) problem('reference', 'duplicate', { reference: planned.reference });
    seen.add(key);
    if (planned.errors.length) return planned;

    const values: Record<string, string> = {
      sector: clean(cells.sector), title: clean(cells.title), description: clean(cells.description),
      sourcePassage: clean(cells.source_passage), leadOrgAId: leadOrgAId!, leadOrgBId: leadOrgBId!, dueDate: clean(cells.due_date),
    };
    const wanted = stage ? { stage: stage as Stage, health: health as Health } : undefined;
    const target = planned.reference ? byKey.get(key) : undefined;
    const version = clean(cells.version);

    if (!target) {
      if (version) {
        problem('reference', 'noCommitment', { reference: planned.reference, agenda: agenda.slug });
        return planned;
      }
      planned.action = 'create';
      planned.operations.push({
        kind: 'create',
        input: { agendaId: agenda.id, ...(planned.reference ? { reference: planned.reference } : {}), ...values, dueDate: values.dueDate || null },
      });
      // A new commitment starts at intent, on track; any other stage in its row is its first update.
      if (wanted && (wanted.stage !== 'intent' || wanted.health !== 'on_track')) planned.operations.push({ kind: 'status', input: wanted });
      return planned;
    }

    const patch: Record<string, unknown> = {};
    const label = (field: string, value: string) => (field.startsWith('leadOrg') ? orgName.get(value) ?? value : value);
    for (const { column, field, value } of EDITED) {
      if (values[field] !== value(target)) {
        patch[field] = field === 'dueDate' ? values[field] || null : values[field];
        planned.changes.push({ column, from: label(field, value(target)), to: label(field, values[field]!) });
      }
    }
    const moves = wanted && (wanted.stage !== target.stage || wanted.health !== target.health);
    if (moves) {
      if (wanted.stage !== target.stage) planned.changes.push({ column: 'stage', from: target.stage, to: wanted.stage });
      if (wanted.health !== target.health) planned.changes.push({ column: 'health', from: target.health, to: wanted.health });
    }
    if (!planned.changes.length) {
      planned.action = 'unchanged';
      return planned;
    }
    if (String(target.version) !== version) {
      planned.action = 'conflict';
      planned.errors.push({
        column: 'version',
        message: version
          ? { key: 'imports.error.stale', values: { yours: version, current: target.version } }
          : { key: 'imports.error.versionRequired' },
      });
      return planned;
    }
    const editing = Object.keys(patch).length > 0;
    planned.action = editing ? 'change' : 'update';
    if (editing) planned.operations.push({ kind: 'edit', id: target.id, patch: { version: target.version, ...patch } });
    if (moves) planned.operations.push({ kind: 'status', id: target.id, from: { stage: target.stage, health: target.health }, input: wanted });
    return planned;
  });
}
