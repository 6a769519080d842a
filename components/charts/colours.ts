// Paul Tol's indigo and Okabe–Ito's vermilion: told apart under the common forms of colour
// blindness, and unlike any stage colour, so a move bar is never read as a stage.
export const MOVE_COLOURS = { forward: '#332288', backward: '#d55e00' } as const;
