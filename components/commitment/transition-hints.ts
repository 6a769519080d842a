'use client';

import { useTranslations } from 'next-intl';
import { classifyMove, type Stage, type TransitionProblem } from '@/lib/domain/stages';

/** The catalogue's wording of a stage-rule problem (the rules module's own text is English only). */
export function useTransitionHint() {
  const t = useTranslations('commitments.rules');
  const tStage = useTranslations('stage');
  return (problem: TransitionProblem, from: Stage, to: Stage): string => {
    const stages = { from: tStage(from), to: tStage(to) };
    if (problem.code === 'narrative_required') {
      const kind = classifyMove(from, to);
      const variant = kind === 'to_stalled' || kind === 'to_dropped' || kind === 'reopen' ? kind : 'backward';
      return t(`narrative_required.${variant}`, stages);
    }
    return t(problem.code, stages);
  };
}
