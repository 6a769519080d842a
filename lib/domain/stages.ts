// The stage model of a commitment, from intent to measurable progress (DESIGN.md, "The stage
// model"). Pure: no database, framework or I/O, so every entry point enforces the same rules and
// the rules are tested on their own.

export const STAGES = ['intent', 'agreed', 'in_progress', 'measurable', 'achieved', 'stalled', 'dropped'] as const;
export type Stage = (typeof STAGES)[number];

/** The forward order. `stalled` and `dropped` sit outside it. */
export const PIPELINE_STAGES = ['intent', 'agreed', 'in_progress', 'measurable', 'achieved'] as const;
export type PipelineStage = (typeof PIPELINE_STAGES)[number];

export const HEALTHS = ['on_track', 'at_risk', 'off_track'] as const;
export type Health = (typeof HEALTHS)[number];

export const DIRECTIONS = ['higher_is_better', 'lower_is_better'] as const;
export type Direction = (typeof DIRECTIONS)[number];

// English labels for now; the UI will move to message keys (stageMessageKey) in the catalogue.
export const STAGE_LABELS: Record<Stage, string> = {
  intent: 'Intent',
  agreed: 'Agreed',
  in_progress: 'In progress',
  measurable: 'Measurable',
  achieved: 'Achieved',
  stalled: 'Stalled',
  dropped: 'Dropped',
};

export const HEALTH_LABELS: Record<Health, string> = {
  on_track: 'On track',
  at_risk: 'At risk',
  off_track: 'Off track',
};

export function stageMessageKey(stage: Stage): `stage.${Stage}` {
  return `stage.${stage}`;
}

export function healthMessageKey(health: Health): `health.${Health}` {
  return `health.${health}`;
}

export function isStage(v: unknown): v is Stage {
  return typeof v === 'string' && (STAGES as readonly string[]).includes(v);
}

export function isPipelineStage(v: unknown): v is PipelineStage {
  return typeof v === 'string' && (PIPELINE_STAGES as readonly string[]).includes(v);
}

export function isHealth(v: unknown): v is Health {
  return typeof v === 'string' && (HEALTHS as readonly string[]).includes(v);
}

export function isDirection(v: unknown): v is Direction {
  return typeof v === 'string' && (DIRECTIONS as readonly string[]).includes(v);
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

export interface ReadingInput {
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
  actorIsAdmin: boolean;
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

export type TransitionProblem = {
  code: TransitionProblemCode;
  message: string;
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

function narrativeMessage(kind: MoveKind, from: Stage, to: Stage): string {
  switch (kind) {
    case 'to_stalled':
      return 'Marking a commitment as Stalled needs a narrative explaining what is holding it up.';
    case 'to_dropped':
      return 'Dropping a commitment needs a narrative explaining why it was dropped.';
    case 'reopen':
      return `Reopening a dropped commitment as ${STAGE_LABELS[to]} needs a narrative explaining why.`;
    default:
      return `Moving back from ${STAGE_LABELS[from]} to ${STAGE_LABELS[to]} needs a narrative explaining why.`;
  }
}

/**
 * Checks one status update's stage change. Collects every problem rather than stopping at the
 * first, so a form can show all reasons at once.
 *
 * Decisions on cases DESIGN.md leaves open:
 * - Same stage (from === to) is an update of health, readings or narrative; no stage gate applies
 *   (even for stalled/dropped/measurable/achieved). Only reading validation runs.
 * - Resuming from stalled to any pipeline stage needs no narrative (it is not "backward"); the
 *   measurable/achieved gates still apply if that is where it resumes.
 * - Leaving dropped: refused for non-admins with `dropped_is_final` alone (no other gate is
 *   reported, since nothing the user adds would help). An admin may reopen, but must give a
 *   narrative and meet the target stage's gates.
 * - The measurable/achieved gates apply to every change into those stages (forward, resume,
 *   reopen, or achieved -> measurable), and only readings posted with this update count.
 * - A qualitative commitment cannot become measurable (`measurable_needs_indicator`); it goes to
 *   achieved with evidence instead. Its evidence is not also reported: that would not unblock it.
 * - Achieved, quantitative: one reading meeting its own indicator's target is enough; evidence is
 *   not demanded (DESIGN.md asks only for the reading).
 * - Readings naming an unknown indicator are always refused and never count towards a gate.
 */
export function checkTransition(input: TransitionInput): TransitionResult {
  const { from, to, indicators, actorIsAdmin } = input;
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
    problems.push({
      code: 'unknown_indicator',
      message: 'A reading refers to an indicator that does not belong to this commitment.',
      field: 'readings',
    });
  }

  const kind = classifyMove(from, to);
  if (kind === 'same') return done(problems);

  if (kind === 'reopen' && !actorIsAdmin) {
    problems.push({
      code: 'dropped_is_final',
      message: `This commitment was dropped; only an administrator can move it to ${STAGE_LABELS[to]}.`,
      field: 'stage',
    });
    return done(problems);
  }

  const hasNarrative = input.narrative.trim() !== '';
  const needsNarrative = kind === 'backward' || kind === 'to_stalled' || kind === 'to_dropped' || kind === 'reopen';
  if (needsNarrative && !hasNarrative) {
    problems.push({ code: 'narrative_required', message: narrativeMessage(kind, from, to), field: 'narrative' });
  }

  const hasEvidence = input.evidence.some((e) => e.trim() !== '');
  const qualitative = indicators.length === 0;

  if (to === 'measurable') {
    if (qualitative) {
      problems.push({
        code: 'measurable_needs_indicator',
        message:
          'This commitment has no indicators, so it cannot be marked Measurable; once delivered, mark it Achieved with an evidence link.',
        field: 'stage',
      });
    } else {
      if (!known.some((k) => differsFromBaseline(k.ind, k.value))) {
        problems.push({
          code: 'measurable_needs_reading',
          message: 'Moving to Measurable needs a reading for one of the indicators that differs from its baseline.',
          field: 'readings',
        });
      }
      if (!hasEvidence) {
        problems.push({
          code: 'measurable_needs_evidence',
          message: 'Moving to Measurable needs at least one evidence link.',
          field: 'evidence',
        });
      }
    }
  }

  if (to === 'achieved') {
    if (qualitative) {
      if (!hasEvidence) {
        problems.push({
          code: 'achieved_needs_evidence',
          message: 'Moving to Achieved needs at least one evidence link showing the commitment was delivered.',
          field: 'evidence',
        });
      }
    } else if (!known.some((k) => meetsTarget(k.ind, k.value))) {
      problems.push({
        code: 'achieved_needs_target',
        message: 'Moving to Achieved needs a reading that meets the target of one of the indicators.',
        field: 'readings',
      });
    }
  }

  return done(problems);
}

function done(problems: TransitionProblem[]): TransitionResult {
  return problems.length === 0 ? { ok: true } : { ok: false, problems };
}
