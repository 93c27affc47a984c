import { cx } from "@/components/ui/cx";

// Dark enough for white letters at AA contrast.
const COLORS = ["#0f7567", "#24467a", "#6b3fa0", "#a3401f", "#1d5e33", "#8a2c5c", "#3d4f5c", "#7a4d06"];

function colorFor(name: string): string {
  let hash = 0;
  for (const ch of name) hash = (hash * 31 + ch.codePointAt(0)!) >>> 0;
  return COLORS[hash % COLORS.length];
}

/**
 * A team's initial on a colour derived from its id (so it survives a rename), which makes teams
 * easy to tell apart.
 */
export function TeamAvatar({
  name,
  seed,
  size = "sm",
}: {
  name: string;
  seed?: string;
  size?: "sm" | "md" | "lg";
}) {
  const initial = Array.from(name.trim())[0]?.toUpperCase() ?? "?";
  return (
    <span
      aria-hidden="true"
      className={cx(
        "inline-flex shrink-0 items-center justify-center font-semibold text-white",
        size === "sm" && "size-6 rounded-md text-xs",
        size === "md" && "size-8 rounded-lg text-sm",
        size === "lg" && "size-10 rounded-lg text-base",
      )}
      style={{ backgroundColor: colorFor(seed ?? name) }}
    >
      {initial}
    </span>
  );
}
