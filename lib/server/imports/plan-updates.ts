import 'server-only';
import { listUpdateTargets } from '@/db/queries/imports';
import type { Message } from '@/lib/domain/messages';
import { HEALTHS, type Health, type Stage, STAGES } from '@/lib/domain/stages';
import type { RequestContext } from '../context';
import type { PlannedRow } from './plan';

// A file in the status-updates download's format posts status updates in bulk: the rows already
// posted (with an update_id) stay as they are, since updates are never edited; each row without one
// is a new update on the commitment its `commitment` column names, with its stage, health,
// narrative, next step, evidence links and readings, written as the download writes them. Its
// `stage_before` must be the commitment's stage now, as a version: otherwise the row is a conflict.

// "Trade turnover: 1.5 USD bn (2026-03-31)", as listUpdatesForExport writes a reading.
const READING = /^(.+?): (\S+) (.*) \((\d{4}-\d{2}-\d{2})\)$/;

function clean(text: string | undefined): string {
  return (text ?? '').replace(/\r\n?/g, '\n').trim();
}

export async function planUpdateRows(ctx: RequestContext, rows: readonly { row: number; cells: Record<string, string> }[]): Promise<PlannedRow[]> {
  const fresh = rows.filter((r) => !clean(r.cells.update_id));
  const { commitments, indicators } = await listUpdateTargets({ db: ctx.db, references: [...new Set(fresh.map((r) => clean(r.cells.commitment)))] });
  return rows.map(({ row, cells }) => {
    const reference = clean(cells.commitment);
    const planned: PlannedRow = { row, reference, title: clean(cells.narrative).slice(0, 80), action: 'error', changes: [], errors: [], operations: [] };
    if (clean(cells.update_id)) {
      planned.action = 'unchanged';
      return planned;
    }
    const problem = (column: string, key: string, values?: Message['values']) => planned.errors.push({ column, message: { key: `imports.error.${key}`, values } });
    const matches = commitments.filter((c) => c.reference === reference);
    if (matches.length !== 1) {
      problem('commitment', matches.length ? 'ambiguousReference' : 'noReference', { reference });
      return planned;
    }
    const target = matches[0]!;
    const stage = clean(cells.stage_after);
    const health = clean(cells.health);
    if (!(STAGES as readonly string[]).includes(stage)) problem('stage_after', 'noStage', { value: stage, values: STAGES.join(', ') });
    if (!(HEALTHS as readonly string[]).includes(health)) problem('health', 'noHealth', { value: health, values: HEALTHS.join(', ') });
    const readings = [];
    for (const text of clean(cells.readings).split(/;\s*/).filter(Boolean)) {
      const match = READING.exec(text);
      const indicator = match && indicators.find((i) => i.commitmentId === target.id && i.name === match[1]);
      if (!match || !indicator || !Number.isFinite(Number(match[2]))) problem('readings', 'badReading', { text });
      else readings.push({ indicatorId: indicator.id, value: Number(match[2]), asOf: match[4]! });
    }
    if (planned.errors.length) return planned;
    const before = clean(cells.stage_before);
    if (before !== target.stage) {
      planned.action = 'conflict';
      problem('stage_before', 'staleStage', { yours: before, current: target.stage });
      return planned;
    }
    planned.action = 'update';
    planned.changes.push({ column: 'stage', from: target.stage, to: stage });
    if (health !== target.health) planned.changes.push({ column: 'health', from: target.health, to: health });
    planned.operations.push({
      kind: 'status', id: target.id, from: { stage: target.stage, health: target.health },
      input: {
        stage: stage as Stage, health: health as Health, narrative: clean(cells.narrative), nextStep: clean(cells.next_step),
        evidence: clean(cells.evidence).split(/\s+/).filter(Boolean), readings,
      },
    });
    return planned;
  });
}
