// Actual-over-estimate ratios in words: 1.25 is "25% longer", 0.8 "20% shorter", 1 "as estimated".

export function biasText(ratio: number | null): string {
  if (ratio === null) return "—";
  const percent = Math.round((ratio - 1) * 100);
  if (percent === 0) return "as estimated";
  return percent > 0 ? `${percent}% longer` : `${-percent}% shorter`;
}

/** "×1.25" */
export function ratioText(ratio: number | null): string {
  return ratio === null ? "—" : `×${ratio.toFixed(2)}`;
}

/** At most two decimals, none trailing: 0.25, 0.5, 1. */
const short = (n: number) => String(Math.round(n * 100) / 100);

/** A histogram bin's range as its label: "1–1.25", "≥ 3" for the open last bin. */
export function binLabel(from: number, to: number | null): string {
  return to === null ? `≥ ${short(from)}` : `${short(from)}–${short(to)}`;
}
