import { type CSSProperties, Fragment, type ReactNode } from 'react';
import { countTicks, labelAnchor, percentOf } from '@/lib/domain/chart-geometry';

interface BarSegment {
  key: string;
  value: number;
  colour: string;
  /** The commitments behind the segment. */
  href: string;
  /** What a pointer hovering the segment is told, e.g. "Energy · Agreed: 3". */
  title: string;
}

interface BarRow {
  key: string;
  label: ReactNode;
  /** One bar per entry (two for forward and backward moves); the segments of a bar are stacked. */
  bars: BarSegment[][];
  /** Each bar's figure, written at its end. */
  values: string[];
}

interface Props {
  rows: BarRow[];
  formatTick: (value: number) => string;
}

/**
 * Horizontal bars drawn in HTML on the server: a row per group, a label, the bars on a shared count
 * axis, each bar's figure at the end. No script: it paints with the page and reflows with the screen.
 * Segments open their commitments on click; keyboard and screen-reader users get the same links in
 * the table beside the chart, so the drawing itself is hidden from assistive technology.
 */
export function BarRows({ rows, formatTick }: Props) {
  const max = Math.max(0, ...rows.flatMap((r) => r.bars.map((bar) => bar.reduce((sum, s) => sum + s.value, 0))));
  const ticks = countTicks(max);
  const top = ticks.at(-1)!;
  return (
    // Gridlines at every tick: the ticks are evenly spaced, so each row's bar area repeats one line.
    <div className="bar-rows" aria-hidden="true" style={{ '--bar-rows-steps': ticks.length - 1 } as CSSProperties}>
      {/* Each row's three cells sit straight in the grid, and the bars are bare divs: no markup the drawing does not need. */}
      {rows.map((row) => (
        <Fragment key={row.key}>
          <div className="bar-rows__label">{row.label}</div>
          <div className="bar-rows__bars">
            {row.bars.map((bar, i) => (
              <div key={i}>
                {bar
                  .filter((s) => s.value > 0)
                  .map((s) => (
                    <a
                      key={s.key}
                      href={s.href}
                      title={s.title}
                      tabIndex={-1}
                      style={{ width: `${percentOf(s.value, top)}%`, background: s.colour }}
                    />
                  ))}
              </div>
            ))}
          </div>
          <div className="bar-rows__values">
            {row.values.map((v, i) => (
              <span key={i}>{v}</span>
            ))}
          </div>
        </Fragment>
      ))}
      <div className="bar-rows__label" />
      <div className="bar-rows__axis">
        {ticks.map((tick) => {
          const at = percentOf(tick, top);
          return (
            <span key={tick} className={`bar-rows__tick bar-rows__tick--${labelAnchor(at)}`} style={{ insetInlineStart: `${at}%` }}>
              {formatTick(tick)}
            </span>
          );
        })}
      </div>
    </div>
  );
}
