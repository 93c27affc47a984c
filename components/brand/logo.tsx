import { cx } from "@/components/ui/cx";

/** Cairn's mark: four stones stacked into a cairn, the trail marker that shows the way ahead. */
export function CairnMark({ className = "size-7" }: { className?: string }) {
  return (
    <svg viewBox="0 0 32 32" aria-hidden="true" focusable="false" className={className}>
      <ellipse cx="16" cy="25.6" rx="12.5" ry="4.4" fill="#0b3d38" />
      <ellipse cx="15" cy="18.1" rx="9.2" ry="3.9" fill="#0f7567" />
      <ellipse cx="16.6" cy="11.3" rx="6.3" ry="3.3" fill="#1e917e" />
      <ellipse cx="15.7" cy="5.6" rx="3.4" ry="2.3" fill="#74cbb9" />
    </svg>
  );
}

export function CairnLogo({ className, size = "md" }: { className?: string; size?: "md" | "lg" }) {
  return (
    <span className={cx("inline-flex items-center gap-2", className)}>
      <CairnMark className={size === "lg" ? "size-9" : "size-7"} />
      <span
        className={cx("font-semibold tracking-tight text-ink", size === "lg" ? "text-2xl" : "text-[17px]")}
      >
        Cairn
      </span>
    </span>
  );
}
