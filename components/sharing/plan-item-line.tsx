import { STATUS_INFO } from "@/components/timeline/item-status";
import { Badge } from "@/components/ui/badge";
import { cx } from "@/components/ui/cx";
import { LocalDate } from "@/components/ui/local-date";
import type { PlanItem } from "./quarter-plan";

/** A milestone (diamond) or feature (bar) of a read-only plan: title, key marker, dates and status in words. */
export function PlanItemLine({ item, size = "md" }: { item: PlanItem; size?: "md" | "lg" }) {
  const milestone = item.kind === "milestone";
  const large = size === "lg";
  return (
    <div className={cx("flex items-start", large ? "gap-3" : "gap-2")}>
      <span aria-hidden="true" className={cx("flex shrink-0 justify-center", large ? "w-4" : "w-3.5")}>
        <span
          className={cx(
            "shrink-0 border",
            STATUS_INFO[item.status].diamond,
            milestone ? "rotate-45" : "rounded-sm",
            large
              ? milestone
                ? "mt-2.5 size-3"
                : "mt-2.5 h-2.5 w-4"
              : milestone
                ? "mt-1.5 size-2.5"
                : "mt-1.5 h-2 w-3.5",
          )}
        />
      </span>
      <div className="min-w-0 flex-1">
        <p
          className={cx(
            "font-medium text-ink",
            large ? "text-xl leading-8" : "text-[13px] leading-5",
            item.isKey && "font-semibold",
          )}
        >
          <span className="sr-only">{milestone ? "Milestone: " : "Feature: "}</span>
          {item.title}
          {item.isKey && (
            <Badge tone="accent" className={cx("ml-2 align-middle", large && "h-6 px-2.5 text-sm")}>
              Key
            </Badge>
          )}
        </p>
        <p className={cx("text-muted", large ? "text-base" : "text-xs")}>
          {milestone ? (
            <LocalDate value={item.endDate} />
          ) : (
            <>
              <LocalDate value={item.startDate} /> – <LocalDate value={item.endDate} />
            </>
          )}
          {" · "}
          {STATUS_INFO[item.status].label}
        </p>
      </div>
    </div>
  );
}
