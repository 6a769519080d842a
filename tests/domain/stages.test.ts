import { describe, it, expect } from 'vitest';
import {
  STAGES,
  PIPELINE_STAGES,
  HEALTHS,
  checkTransition,
  classifyMove,
  differsFromBaseline,
  isBackwardMove,
  isForwardMove,
  isHealth,
  isStage,
  meetsTarget,
  stageMessageKey,
  stageRank,
  type IndicatorForRules,
  type Stage,
  type TransitionInput,
  type TransitionProblemCode,
} from '../../lib/domain/stages';
import catalogue from '../../messages/en/common.json';
import { english } from '../support/messages';

// Jobs created: more is better. Average tariff (%): less is better.
const jobs: IndicatorForRules = { id: 'jobs', baselineValue: 100, targetValue: 500, direction: 'higher_is_better' };
const tariff: IndicatorForRules = { id: 'tariff', baselineValue: 20, targetValue: 5, direction: 'lower_is_better' };

function input(over: Partial<TransitionInput> & Pick<TransitionInput, 'from' | 'to'>): TransitionInput {
  return { narrative: '', evidence: [], readings: [], indicators: [jobs], mayReopen: false, ...over };
}

function codes(i: TransitionInput): TransitionProblemCode[] {
  const r = checkTransition(i);
  return r.ok ? [] : r.problems.map((p) => p.code).sort();
}

// ---------------------------------------------------------------------------------------------
// The whole matrix, written out by hand. Rows: from; columns: to, in the order below.
// ok = allowed; N = narrative_required; RE = measurable_needs_reading + measurable_needs_evidence;
// T = achieved_needs_target; F = dropped_is_final. Cells with '+' combine.
const ORDER: Stage[] = ['intent', 'agreed', 'in_progress', 'measurable', 'achieved', 'stalled', 'dropped'];

//                  intent  agreed  in_prog measur  achiev  stalled dropped
const BARE_NON_ADMIN: Record<Stage, string[]> = {
  intent:      ['ok',   'ok',   'ok',   'RE',   'T',    'N',    'N'],
  agreed:      ['N',    'ok',   'ok',   'RE',   'T',    'N',    'N'],
  in_progress: ['N',    'N',    'ok',   'RE',   'T',    'N',    'N'],
  measurable:  ['N',    'N',    'N',    'ok',   'T',    'N',    'N'],
  achieved:    ['N',    'N',    'N',    'N+RE', 'ok',   'N',    'N'],
  stalled:     ['ok',   'ok',   'ok',   'RE',   'T',    'ok',   'N'],
  dropped:     ['F',    'F',    'F',    'F',    'F',    'F',    'ok'],
};
// An admin differs only when leaving dropped: allowed, but with a narrative and the usual gates.
const BARE_ADMIN_FROM_DROPPED = ['N', 'N', 'N', 'N+RE', 'N+T', 'N', 'ok'];
// With narrative + evidence + a reading that meets the target (hence also differs from baseline).
const FULL_NON_ADMIN: Record<Stage, string[]> = {
  intent:      ['ok',   'ok',   'ok',   'ok',   'ok',   'ok',   'ok'],
  agreed:      ['ok',   'ok',   'ok',   'ok',   'ok',   'ok',   'ok'],
  in_progress: ['ok',   'ok',   'ok',   'ok',   'ok',   'ok',   'ok'],
  measurable:  ['ok',   'ok',   'ok',   'ok',   'ok',   'ok',   'ok'],
  achieved:    ['ok',   'ok',   'ok',   'ok',   'ok',   'ok',   'ok'],
  stalled:     ['ok',   'ok',   'ok',   'ok',   'ok',   'ok',   'ok'],
  dropped:     ['F',    'F',    'F',    'F',    'F',    'F',    'ok'],
};
const FULL_ADMIN_FROM_DROPPED = ['ok', 'ok', 'ok', 'ok', 'ok', 'ok', 'ok'];

const ABBREV: Record<string, TransitionProblemCode[]> = {
  ok: [],
  N: ['narrative_required'],
  RE: ['measurable_needs_reading', 'measurable_needs_evidence'],
  T: ['achieved_needs_target'],
  F: ['dropped_is_final'],
};
function expand(cell: string): TransitionProblemCode[] {
  return cell.split('+').flatMap((a) => ABBREV[a] ?? []).sort();
}

const full = {
  narrative: 'Road map signed at the intergovernmental commission.',
  evidence: ['https://example.gov/roadmap.pdf'],
  readings: [{ indicatorId: 'jobs', value: 600, asOf: '2026-05-01' }],
};

describe('transition matrix (all 49 ordered pairs, quantitative commitment)', () => {
  const pairs = ORDER.flatMap((from, r) => ORDER.map((to, c) => ({ from, to, r, c })));
  it('covers every pair', () => {
    expect(pairs).toHaveLength(49);
    expect([...ORDER].sort()).toEqual([...STAGES].sort());
  });

  it.each(pairs)('$from -> $to', ({ from, to, c }) => {
    const bare = input({ from, to });
    const filled = input({ from, to, ...full });
    expect(codes(bare)).toEqual(expand(BARE_NON_ADMIN[from][c]!));
    expect(codes(filled)).toEqual(expand(FULL_NON_ADMIN[from][c]!));

    const adminBare = from === 'dropped' ? BARE_ADMIN_FROM_DROPPED[c]! : BARE_NON_ADMIN[from][c]!;
    const adminFull = from === 'dropped' ? FULL_ADMIN_FROM_DROPPED[c]! : 'ok';
    expect(codes({ ...bare, mayReopen: true })).toEqual(expand(adminBare));
    expect(codes({ ...filled, mayReopen: true })).toEqual(expand(adminFull));
  });
});

describe('stage basics', () => {
  it('guards', () => {
    for (const s of STAGES) expect(isStage(s)).toBe(true);
    for (const h of HEALTHS) expect(isHealth(h)).toBe(true);
    for (const v of ['', 'Intent', 'done', 1, null, undefined, {}]) {
      expect(isStage(v)).toBe(false);
      expect(isHealth(v)).toBe(false);
    }
    expect(isHealth('on_track')).toBe(true);
    expect(isStage('on_track')).toBe(false);
  });

  it('ranks the pipeline in order, stalled and dropped outside it', () => {
    expect(PIPELINE_STAGES.map(stageRank)).toEqual([0, 1, 2, 3, 4]);
    expect(stageRank('stalled')).toBe(-1);
    expect(stageRank('dropped')).toBe(-1);
  });

  it('names every stage and health in the catalogue', () => {
    expect(catalogue.stage.in_progress).toBe('In progress');
    expect(catalogue.health.off_track).toBe('Off track');
    expect(Object.keys(catalogue.stage).sort()).toEqual([...STAGES].sort());
    expect(Object.keys(catalogue.health).sort()).toEqual([...HEALTHS].sort());
    expect(stageMessageKey('in_progress')).toBe('stage.in_progress');
  });

  it('forward and backward are pipeline-only', () => {
    expect(isForwardMove('intent', 'achieved')).toBe(true);
    expect(isForwardMove('agreed', 'agreed')).toBe(false);
    expect(isBackwardMove('measurable', 'agreed')).toBe(true);
    expect(isBackwardMove('agreed', 'measurable')).toBe(false);
    expect(isForwardMove('stalled', 'in_progress')).toBe(false);
    expect(isBackwardMove('in_progress', 'stalled')).toBe(false);
    expect(isBackwardMove('dropped', 'intent')).toBe(false);
  });

  it('classifies moves', () => {
    expect(classifyMove('agreed', 'agreed')).toBe('same');
    expect(classifyMove('intent', 'measurable')).toBe('forward');
    expect(classifyMove('achieved', 'in_progress')).toBe('backward');
    expect(classifyMove('achieved', 'stalled')).toBe('to_stalled');
    expect(classifyMove('stalled', 'dropped')).toBe('to_dropped');
    expect(classifyMove('stalled', 'agreed')).toBe('resume');
    expect(classifyMove('dropped', 'stalled')).toBe('reopen');
  });
});

describe('rules one by one', () => {
  it('forward moves may skip stages without narrative', () => {
    expect(checkTransition(input({ from: 'intent', to: 'in_progress' }))).toEqual({ ok: true });
    expect(checkTransition(input({ from: 'intent', to: 'achieved', readings: full.readings }))).toEqual({ ok: true });
  });

  it('backward moves need a narrative; whitespace does not count', () => {
    const r = checkTransition(input({ from: 'in_progress', to: 'agreed', narrative: '  \n\t ' }));
    expect(r).toEqual({
      ok: false,
      problems: [
        {
          code: 'narrative_required',
          field: 'narrative',
          message: { key: 'commitments.rules.narrative_required.backward', values: { fromLabel: 'stage.in_progress', toLabel: 'stage.agreed' } },
        },
      ],
    });
    if (!r.ok) expect(english(r.problems[0]!.message)).toBe('Moving back from In progress to Agreed needs a narrative explaining why.');
    expect(checkTransition(input({ from: 'in_progress', to: 'agreed', narrative: 'MoU renegotiated.' })).ok).toBe(true);
  });

  it('stalled and dropped need a narrative', () => {
    expect(codes(input({ from: 'agreed', to: 'stalled', narrative: ' ' }))).toEqual(['narrative_required']);
    expect(codes(input({ from: 'agreed', to: 'dropped' }))).toEqual(['narrative_required']);
    expect(codes(input({ from: 'agreed', to: 'stalled', narrative: 'Funding delayed.' }))).toEqual([]);
    expect(codes(input({ from: 'achieved', to: 'dropped', narrative: 'Superseded.' }))).toEqual([]);
  });

  it('resuming from stalled needs no narrative, but the gates still apply', () => {
    expect(codes(input({ from: 'stalled', to: 'in_progress' }))).toEqual([]);
    expect(codes(input({ from: 'stalled', to: 'measurable' }))).toEqual(
      ['measurable_needs_evidence', 'measurable_needs_reading'],
    );
  });

  it('same-stage updates skip the stage gates', () => {
    expect(codes(input({ from: 'measurable', to: 'measurable' }))).toEqual([]);
    expect(codes(input({ from: 'achieved', to: 'achieved', indicators: [] }))).toEqual([]);
    expect(codes(input({ from: 'stalled', to: 'stalled' }))).toEqual([]);
  });

  describe('measurable', () => {
    const ev = ['https://example.gov/report'];
    const moved = [{ indicatorId: 'jobs', value: 150, asOf: '2026-04-01' }];
    it('passes with a differing reading and evidence', () => {
      expect(codes(input({ from: 'in_progress', to: 'measurable', readings: moved, evidence: ev }))).toEqual([]);
    });
    it('refuses without a reading', () => {
      expect(codes(input({ from: 'in_progress', to: 'measurable', evidence: ev }))).toEqual(['measurable_needs_reading']);
    });
    it('refuses without evidence (blank links do not count)', () => {
      expect(codes(input({ from: 'in_progress', to: 'measurable', readings: moved, evidence: ['  '] }))).toEqual([
        'measurable_needs_evidence',
      ]);
    });
    it('refuses a reading equal to the baseline', () => {
      const same = [{ indicatorId: 'jobs', value: 100, asOf: '2026-04-01' }];
      expect(codes(input({ from: 'in_progress', to: 'measurable', readings: same, evidence: ev }))).toEqual([
        'measurable_needs_reading',
      ]);
    });
    it('works for a lower_is_better indicator', () => {
      const base = { from: 'in_progress', to: 'measurable', indicators: [jobs, tariff], evidence: ev } as const;
      expect(codes(input({ ...base, readings: [{ indicatorId: 'tariff', value: 15, asOf: '2026-04-01' }] }))).toEqual([]);
      expect(codes(input({ ...base, readings: [{ indicatorId: 'tariff', value: 20, asOf: '2026-04-01' }] }))).toEqual([
        'measurable_needs_reading',
      ]);
    });
    it('cannot be reached by a qualitative commitment', () => {
      const r = checkTransition(input({ from: 'in_progress', to: 'measurable', indicators: [], evidence: ev }));
      expect(r.ok).toBe(false);
      if (!r.ok) expect(r.problems.map((p) => p.code)).toEqual(['measurable_needs_indicator']);
    });
    it('differsFromBaseline', () => {
      expect(differsFromBaseline(jobs, 101)).toBe(true);
      expect(differsFromBaseline(jobs, 99)).toBe(true);
      expect(differsFromBaseline(jobs, 100)).toBe(false);
      expect(differsFromBaseline(jobs, Number.NaN)).toBe(false);
    });
  });

  describe('achieved', () => {
    const at = (indicatorId: string, value: number) => [{ indicatorId, value, asOf: '2026-09-01' }];
    it('higher_is_better: at target counts, just short refused', () => {
      expect(codes(input({ from: 'measurable', to: 'achieved', readings: at('jobs', 500) }))).toEqual([]);
      expect(codes(input({ from: 'measurable', to: 'achieved', readings: at('jobs', 650) }))).toEqual([]);
      expect(codes(input({ from: 'measurable', to: 'achieved', readings: at('jobs', 499.99) }))).toEqual([
        'achieved_needs_target',
      ]);
    });
    it('lower_is_better: at target counts, just short refused', () => {
      const base = { from: 'measurable', to: 'achieved', indicators: [tariff] } as const;
      expect(codes(input({ ...base, readings: at('tariff', 5) }))).toEqual([]);
      expect(codes(input({ ...base, readings: at('tariff', 3) }))).toEqual([]);
      expect(codes(input({ ...base, readings: at('tariff', 5.01) }))).toEqual(['achieved_needs_target']);
    });
    it('one indicator meeting its own target is enough', () => {
      const base = { from: 'measurable', to: 'achieved', indicators: [jobs, tariff] } as const;
      const readings = [...at('jobs', 200), ...at('tariff', 4)];
      expect(codes(input({ ...base, readings }))).toEqual([]);
    });
    it('qualitative needs an evidence link instead', () => {
      expect(codes(input({ from: 'agreed', to: 'achieved', indicators: [] }))).toEqual(['achieved_needs_evidence']);
      expect(codes(input({ from: 'agreed', to: 'achieved', indicators: [], evidence: ['https://x.gov/a'] }))).toEqual([]);
    });
    it('meetsTarget', () => {
      expect(meetsTarget(jobs, 500)).toBe(true);
      expect(meetsTarget(jobs, 499)).toBe(false);
      expect(meetsTarget(tariff, 5)).toBe(true);
      expect(meetsTarget(tariff, 6)).toBe(false);
      expect(meetsTarget(jobs, Number.POSITIVE_INFINITY)).toBe(false);
    });
  });

  describe('dropped is final', () => {
    it('refuses a non-admin, with only that reason', () => {
      const r = checkTransition(input({ from: 'dropped', to: 'in_progress', ...full }));
      expect(r.ok).toBe(false);
      if (!r.ok) {
        expect(r.problems).toHaveLength(1);
        expect(r.problems[0]).toMatchObject({ code: 'dropped_is_final', field: 'stage' });
      }
    });
    it('lets an admin reopen with a narrative', () => {
      expect(codes(input({ from: 'dropped', to: 'in_progress', mayReopen: true }))).toEqual(['narrative_required']);
      expect(codes(input({ from: 'dropped', to: 'in_progress', mayReopen: true, narrative: 'Revived.' }))).toEqual([]);
    });
  });

  it('refuses readings for unknown indicators, which never count towards a gate', () => {
    const readings = [{ indicatorId: 'nope', value: 999, asOf: '2026-04-01' }];
    expect(codes(input({ from: 'in_progress', to: 'in_progress', readings }))).toEqual(['unknown_indicator']);
    expect(codes(input({ from: 'measurable', to: 'achieved', readings }))).toEqual(
      ['achieved_needs_target', 'unknown_indicator'],
    );
    expect(codes(input({ from: 'in_progress', to: 'in_progress', indicators: [], readings }))).toEqual([
      'unknown_indicator',
    ]);
  });

  it('collects every problem at once', () => {
    // Backward with no narrative into measurable with nothing else, plus a stray reading.
    const r = checkTransition(
      input({ from: 'achieved', to: 'measurable', readings: [{ indicatorId: 'x', value: 1, asOf: '2026-01-01' }] }),
    );
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.problems.map((p) => p.code).sort()).toEqual([
        'measurable_needs_evidence',
        'measurable_needs_reading',
        'narrative_required',
        'unknown_indicator',
      ]);
      for (const p of r.problems) expect(english(p.message)).toMatch(/^[A-Z].*\.$/);
    }
  });
});
