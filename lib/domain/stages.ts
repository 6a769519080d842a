import type { Message } from './messages';

// The stage model of a commitment, from intent to measurable progress: a commitment is promised
// (intent), formalised (agreed), under way (in_progress), shows an indicator moved with evidence
// (measurable) and meets its target (achieved), or stalls or is dropped on the way. Pure: no
// database, framework or I/O, so every entry point enforces the same rules and the rules are
// tested on their own.

export const STAGES = ['intent', 'agreed', 'in_progress', 'measurable', 'achieved', 'stalled', 'dropped'] as const;
export type Stage = (typeof STAGES)[number];

/** The forward order. `stalled` and `dropped` sit outside it. */
export const PIPELINE_STAGES = ['intent', 'agreed', 'in_progress', 'measurable', 'achieved'] as const;
type PipelineStage = (typeof PIPELINE_STAGES)[number];

export const HEALTHS = ['on_track', 'at_risk', 'off_track'] as const;
export type Health = (typeof HEALTHS)[number];

export const DIRECTIONS = ['higher_is_better', 'lower_is_better'] as const;
export type Direction = (typeof DIRECTIONS)[number];

/** The catalogue entry of a stage's name. */
export function stageMessageKey(stage: Stage): `stage.${Stage}` {
  return `stage.${stage}`;
}

export function isStage(v: unknown): v is Stage {
  return typeof v === 'string' && (STAGES as readonly string[]).includes(v);
}

function isPipelineStage(v: unknown): v is PipelineStage {
  return typeof v === 'string' && (PIPELINE_STAGES as readonly string[]).includes(v);
}

export function isHealth(v: unknown): v is Health {
  return typeof v === 'string' && (HEALTHS as readonly string[]).includes(v);
}

/** Position in PIPELINE_STAGES (intent 0 … achieved 4); -1 for stalled and dropped. */
export function stageRank(stage: Stage): number {
  return (PIPELINE_STAGES as readonly string[]).indexOf(stage);
}

/** From a pipeline stage to an earlier one. Moves to/from stalled or dropped are never "backward". */
export function isBackwardMove(from: Stage, to: Stage): boolean {
  return isPipelineStage(from) && isPipelineStage(to) && stageRank(to) < stageRank(from);
}

/** From a pipeline stage to a later one (skipping allowed). Resuming from stalled is not "forward". */
export function isForwardMove(from: Stage, to: Stage): boolean {
  return isPipelineStage(from) && isPipelineStage(to) && stageRank(to) > stageRank(from);
}

export type MoveKind = 'same' | 'forward' | 'backward' | 'to_stalled' | 'to_dropped' | 'resume' | 'reopen';

/** One word for every kind of move, so dashboards and the rules below agree on what a move is. */
export function classifyMove(from: Stage, to: Stage): MoveKind {
  if (from === to) return 'same';
  if (from === 'dropped') return 'reopen';
  if (to === 'dropped') return 'to_dropped';
  if (to === 'stalled') return 'to_stalled';
  if (from === 'stalled') return 'resume';
  return isBackwardMove(from, to) ? 'backward' : 'forward';
}


// ---------------------------------------------------------------------------------------------
// Transition rules

export interface IndicatorForRules {
  id: string;
  baselineValue: number;
  targetValue: number;
  direction: Direction;
}

interface ReadingInput {
  indicatorId: string;
  value: number;
  asOf: string; // YYYY-MM-DD
}

export interface TransitionInput {
  from: Stage;
  to: Stage;
  narrative: string; // may be empty string
  // Readonly so callers may pass frozen or `as const` data; the rules never mutate their input.
  evidence: readonly string[]; // URLs (validated elsewhere as http/https)
  readings: readonly ReadingInput[]; // readings posted with this update
  indicators: readonly IndicatorForRules[]; // the commitment's indicators ([] = qualitative commitment)
  /** Whether the author may move a dropped commitment back (the `commitment.reopen` permission). */
  mayReopen: boolean;
}

export type TransitionProblemCode =
  | 'narrative_required'
  | 'dropped_is_final'
  | 'measurable_needs_reading'
  | 'measurable_needs_evidence'
  | 'achieved_needs_target'
  | 'achieved_needs_evidence'
  | 'measurable_needs_indicator'
  | 'unknown_indicator';

type TransitionProblem = {
  code: TransitionProblemCode;
  /** Why, for the reader: commitments.rules.<code> in the catalogue, naming the stages involved. */
  message: Message;
  field?: 'stage' | 'narrative' | 'evidence' | 'readings';
};

export type TransitionResult = { ok: true } | { ok: false; problems: TransitionProblem[] };

/** Target met, respecting direction; exactly at target counts. Non-finite values never meet it. */
export function meetsTarget(ind: IndicatorForRules, value: number): boolean {
  if (!Number.isFinite(value)) return false;
  return ind.direction === 'higher_is_better' ? value >= ind.targetValue : value <= ind.targetValue;
}

/**
 * The indicator moved from its baseline (in either direction: a move the wrong way is still a
 * measurable change; health, not stage, says whether it is good news).
 */
export function differsFromBaseline(ind: IndicatorForRules, value: number): boolean {
  return Number.isFinite(value) && value !== ind.baselineValue;
}

function ruleMessage(code: TransitionProblemCode | `narrative_required.${MoveKind}`, from: Stage, to: Stage): Message {
  return { key: `commitments.rules.${code}`, values: { fromLabel: stageMessageKey(from), toLabel: stageMessageKey(to) } };
}

/** Which wording asks for a narrative: stalling, dropping and reopening each have their own. */
function narrativeVariant(kind: MoveKind): MoveKind {
  return kind === 'to_stalled' || kind === 'to_dropped' || kind === 'reopen' ? kind : 'backward';
}

/**
 * Checks one status update's stage change. Collects every problem rather than stopping at the
 * first, so a form can show all reasons at once.
 *
 * Decisions on the cases the stage model above leaves open:
 * - Same stage (from === to) is an update of health, readings or narrative; no stage gate applies
 *   (even for stalled/dropped/measurable/achieved). Only reading validation runs.
 * - Resuming from stalled to any pipeline stage needs no narrative (it is not "backward"); the
 *   measurable/achieved gates still apply if that is where it resumes.
 * - Leaving dropped: refused to those who may not reopen (everyone but administrators) with
 *   `dropped_is_final` alone (no other gate is reported, since nothing the user adds would help).
 *   Who may reopen must give a narrative and meet the target stage's gates.
 * - The measurable/achieved gates apply to every change into those stages (forward, resume,
 *   reopen, or achieved -> measurable), and only readings posted with this update count.
 * - A qualitative commitment cannot become measurable (`measurable_needs_indicator`); it goes to
 *   achieved with evidence instead. Its evidence is not also reported: that would not unblock it.
 * - Achieved, quantitative: one reading meeting its own indicator's target is enough; evidence is
 *   not demanded (the model asks only for the reading).
 * - Readings naming an unknown indicator are always refused and never count towards a gate.
 */
export function checkTransition(input: TransitionInput): TransitionResult {
  const { from, to, indicators, mayReopen } = input;
  const problems: TransitionProblem[] = [];

  const byId = new Map(indicators.map((ind) => [ind.id, ind] as const));
  const known: { ind: IndicatorForRules; value: number }[] = [];
  let unknown = false;
  for (const r of input.readings) {
    const ind = byId.get(r.indicatorId);
    if (ind) known.push({ ind, value: r.value });
    else unknown = true;
  }
  if (unknown) {
    problems.push({ code: 'unknown_indicator', message: ruleMessage('unknown_indicator', from, to), field: 'readings' });
  }

  const kind = classifyMove(from, to);
  if (kind === 'same') return done(problems);

  if (kind === 'reopen' && !mayReopen) {
    problems.push({ code: 'dropped_is_final', message: ruleMessage('dropped_is_final', from, to), field: 'stage' });
    return done(problems);
  }

  const hasNarrative = input.narrative.trim() !== '';
  const needsNarrative = kind === 'backward' || kind === 'to_stalled' || kind === 'to_dropped' || kind === 'reopen';
  if (needsNarrative && !hasNarrative) {
    problems.push({ code: 'narrative_required', message: ruleMessage(`narrative_required.${narrativeVariant(kind)}`, from, to), field: 'narrative' });
  }

  const hasEvidence = input.evidence.some((e) => e.trim() !== '');
  const qualitative = indicators.length === 0;

  if (to === 'measurable') {
    if (qualitative) {
      problems.push({ code: 'measurable_needs_indicator', message: ruleMessage('measurable_needs_indicator', from, to), field: 'stage' });
    } else {
      if (!known.some((k) => differsFromBaseline(k.ind, k.value))) {
        problems.push({ code: 'measurable_needs_reading', message: ruleMessage('measurable_needs_reading', from, to), field: 'readings' });
      }
      if (!hasEvidence) {
        problems.push({ code: 'measurable_needs_evidence', message: ruleMessage('measurable_needs_evidence', from, to), field: 'evidence' });
      }
    }
  }

  if (to === 'achieved') {
    if (qualitative) {
      if (!hasEvidence) {
        problems.push({ code: 'achieved_needs_evidence', message: ruleMessage('achieved_needs_evidence', from, to), field: 'evidence' });
      }
    } else if (!known.some((k) => meetsTarget(k.ind, k.value))) {
      problems.push({ code: 'achieved_needs_target', message: ruleMessage('achieved_needs_target', from, to), field: 'readings' });
    }
  }

  return done(problems);
}

function done(problems: TransitionProblem[]): TransitionResult {
  return problems.length === 0 ? { ok: true } : { ok: false, problems };
}
