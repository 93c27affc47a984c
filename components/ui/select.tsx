import type { ComponentProps } from "react";
import { cx } from "./cx";
import { ChevronUpDownIcon } from "./icons";
import { controlClasses } from "./input";

/** A native select (the most accessible choice on every device), styled to match the inputs. */
export function Select({
  className,
  size = "md",
  ...rest
}: Omit<ComponentProps<"select">, "size"> & { size?: "sm" | "md" }) {
  return (
    <div className={cx("relative", className)}>
      <select
        className={cx(
          controlClasses,
          "appearance-none pr-8",
          size === "sm" ? "h-8 pl-2.5 text-[13px]" : "h-9 pl-3",
        )}
        {...rest}
      />
      <ChevronUpDownIcon className="pointer-events-none absolute top-1/2 right-2.5 size-3.5 -translate-y-1/2 text-muted" />
    </div>
  );
}
