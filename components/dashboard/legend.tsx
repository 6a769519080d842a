import { StageSwatch } from '@/components/stage-swatch';
import { STAGES, type Stage } from '@/lib/domain/stages';

/** The stage colours in STAGES order, as text: the charts draw no legend of their own. */
export function StageLegend({ labels }: { labels: Record<Stage, string> }) {
  return (
    <ul className="dash-legend" aria-hidden="true">
      {STAGES.map((s) => (
        <li key={s}>
          <StageSwatch stage={s} /> {labels[s]}
        </li>
      ))}
    </ul>
  );
}
