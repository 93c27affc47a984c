import Link from "next/link";
import { cx } from "./cx";

export interface FilterTab {
  href: string;
  label: string;
  active: boolean;
}

/** Filters of a list as links (so a filtered view can be shared and reloaded); the active one is marked. */
export function FilterTabs({
  label,
  tabs,
  className,
}: {
  label: string;
  tabs: FilterTab[];
  className?: string;
}) {
  return (
    <nav aria-label={label} className={cx("max-w-full", className)}>
      <ul className="inline-flex flex-wrap gap-1 rounded-lg bg-subtle p-1 ring-1 ring-line">
        {tabs.map((tab) => (
          <li key={tab.href}>
            <Link
              href={tab.href}
              replace
              scroll={false}
              aria-current={tab.active ? "page" : undefined}
              className={cx(
                "flex h-8 items-center rounded-md px-3 text-sm font-medium whitespace-nowrap transition-colors",
                tab.active
                  ? "bg-surface text-ink shadow-xs ring-1 ring-line"
                  : "text-muted hover:bg-surface/60 hover:text-ink",
              )}
            >
              {tab.label}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}
