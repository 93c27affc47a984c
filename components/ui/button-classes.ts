import { cx } from "./cx";

export type ButtonVariant = "primary" | "secondary" | "ghost" | "danger" | "danger-outline" | "danger-ghost";
export type ButtonSize = "sm" | "md" | "lg";

const VARIANTS: Record<ButtonVariant, string> = {
  primary: "bg-accent-600 text-white shadow-xs hover:bg-accent-700 active:bg-accent-800",
  secondary: "border border-line-strong bg-surface text-ink shadow-xs hover:bg-subtle active:bg-line",
  ghost: "text-ink-soft hover:bg-subtle hover:text-ink active:bg-line",
  danger: "bg-danger-600 text-white shadow-xs hover:bg-danger-700",
  "danger-outline": "border border-danger-200 bg-surface text-danger-700 shadow-xs hover:bg-danger-50",
  "danger-ghost": "text-danger-700 hover:bg-danger-50 active:bg-danger-200/60",
};

const SIZES: Record<ButtonSize, string> = {
  sm: "h-8 px-2.5 text-[13px] gap-1.5",
  md: "h-9 px-3.5 text-sm gap-2",
  lg: "h-11 px-5 text-[15px] gap-2",
};

export function buttonClasses(
  variant: ButtonVariant = "secondary",
  size: ButtonSize = "md",
  className?: string,
) {
  return cx(
    "inline-flex shrink-0 select-none items-center justify-center rounded-md font-medium whitespace-nowrap transition-colors",
    "disabled:cursor-not-allowed disabled:opacity-55 aria-disabled:cursor-progress",
    VARIANTS[variant],
    SIZES[size],
    className,
  );
}
