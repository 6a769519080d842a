import type { CSSProperties } from 'react';
import { STAGE_COLOURS } from '@/lib/domain/stage-colours';
import { STAGES, type Stage } from '@/lib/domain/stages';

export function StageSwatch({ stage }: { stage: Stage }) {
  return <span className="swatch" style={{ background: STAGE_COLOURS[stage] }} aria-hidden="true" />;
}

/** A table's column headers for the stages, in STAGES order, each with its colour. */
export function StageHeaderCells({ labels }: { labels: Record<Stage, string> }) {
  return STAGES.map((s) => (
    <th scope="col" className="num" key={s}>
      <StageSwatch stage={s} /> {labels[s]}
    </th>
  ));
}

/** A table cell's props that draw the stage's swatch before its text (globals.css `.swatched`), for tables with many rows. */
export function swatchedCell(stage: Stage, className?: string): { className: string; style: CSSProperties } {
  return { className: className ? `swatched ${className}` : 'swatched', style: { '--swatch': STAGE_COLOURS[stage] } as CSSProperties };
}
