import { cx } from "./cx";

export function initials(name: string): string {
  const words = name.trim().split(/\s+/).filter(Boolean);
  const picked = words.length > 1 ? [words[0], words.at(-1)!] : words;
  return picked.map((w) => Array.from(w)[0]?.toUpperCase() ?? "").join("") || "?";
}

/** A person's initials in a circle; decorative, the name is always written next to it or in a label. */
export function UserAvatar({
  name,
  tone = "subtle",
  className,
}: {
  name: string;
  tone?: "subtle" | "strong";
  className?: string;
}) {
  return (
    <span
      aria-hidden="true"
      className={cx(
        "inline-flex size-8 shrink-0 items-center justify-center rounded-full text-xs font-semibold",
        tone === "subtle" ? "bg-subtle text-ink-soft ring-1 ring-line" : "bg-ink text-white",
        className,
      )}
    >
      {initials(name)}
    </span>
  );
}
