import { cx } from "./cx";

export function Skeleton({ className }: { className?: string }) {
  return <div aria-hidden="true" className={cx("animate-pulse rounded-md bg-line/70", className)} />;
}

/** Placeholder rows of a feed: a round avatar (`avatar` sizes it) beside a line per `lines` class. */
export function SkeletonRows({ count, avatar, lines }: { count: number; avatar: string; lines: string[] }) {
  return (
    <>
      {Array.from({ length: count }, (_, i) => (
        <div key={i} className="flex gap-3">
          <Skeleton className={cx(avatar, "rounded-full")} />
          <div className="flex flex-1 flex-col gap-2">
            {lines.map((line) => (
              <Skeleton key={line} className={line} />
            ))}
          </div>
        </div>
      ))}
    </>
  );
}
