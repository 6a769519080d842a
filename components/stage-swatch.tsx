import { STAGE_COLOURS } from '@/lib/domain/stage-colours';
import type { Stage } from '@/lib/domain/stages';

export function StageSwatch({ stage }: { stage: Stage }) {
  return <span className="swatch" style={{ background: STAGE_COLOURS[stage] }} aria-hidden="true" />;
}
