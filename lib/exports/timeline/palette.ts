// The app's colours (app/globals.css) as the pictures use them, and their text sizes in pixels.

export const COLOURS = {
  ink: "#191a1c",
  inkSoft: "#3b3d42",
  muted: "#5d5f66",
  line: "#e5e4df",
  lineStrong: "#cfcec8",
  surface: "#ffffff",
  subtle: "#f1f1ee",
  laneStripe: "#fbfbfa",
  laneColumnStripe: "#fafaf8",
  accent50: "#effaf7",
  accent300: "#74cbb9",
  accent600: "#0f7567",
  accent800: "#0d4b44",
  accent900: "#0b3d38",
  phaseAlt: "#eef3fb",
  danger600: "#c02828",
  danger700: "#a31f1f",
  warning800: "#7a4d06",
  replanBorder: "#bca682",
  success800: "#1d5e33",
  milestoneStroke: "#4b5563",
  arrow: "#7d7f86",
  lagText: "#3b3d42",
  progressTrack: "#e5e4df",
} as const;

/** Text sizes of the picture, in its pixels (the page's, a little smaller for the wider font). */
export const TEXT = {
  title: 22,
  subtitle: 13,
  lane: 13,
  label: 12,
  axis: 12,
  small: 11,
  message: 16,
} as const;

/** The gate's state in the colour the Phases page gives it. */
export const GATE_COLOURS = {
  undecided: COLOURS.inkSoft,
  proceed: COLOURS.success800,
  replan: COLOURS.warning800,
  stop: COLOURS.danger700,
} as const;
