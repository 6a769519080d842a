import type { Stage } from './stages';

// One colour per stage everywhere, from a colour-blind-safe set (Okabe–Ito), light to strong along the
// pipeline; stalled and dropped stand apart. Text never relies on colour alone: labels travel with it.
export const STAGE_COLOURS: Record<Stage, string> = {
  intent: '#bdbdbd',
  agreed: '#56b4e9',
  in_progress: '#0072b2',
  measurable: '#009e73',
  achieved: '#004d38',
  stalled: '#e69f00',
  dropped: '#7f3c00',
};
