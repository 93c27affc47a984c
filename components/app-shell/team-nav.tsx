"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import { cx } from "@/components/ui/cx";
import { RoadmapIcon, SettingsIcon, UsersIcon } from "@/components/ui/icons";

/** The current team's sections, as tabs under the header. */
export function TeamNav({ slug }: { slug: string }) {
  const pathname = usePathname() ?? "";
  const base = `/teams/${slug}`;
  const links = [
    {
      href: base,
      label: "Roadmaps",
      icon: <RoadmapIcon className="size-4" />,
      active:
        pathname === base || pathname.startsWith(`${base}/roadmaps`) || pathname.startsWith("/roadmaps/"),
    },
    {
      href: `${base}/members`,
      label: "Members",
      icon: <UsersIcon className="size-4" />,
      active: pathname.startsWith(`${base}/members`),
    },
    {
      href: `${base}/settings`,
      label: "Settings",
      icon: <SettingsIcon className="size-4" />,
      active: pathname.startsWith(`${base}/settings`),
    },
  ];
  return (
    <nav aria-label="Team" className="mx-auto max-w-6xl px-2 sm:px-4 lg:px-6">
      <ul className="-mb-px flex gap-1 overflow-x-auto">
        {links.map((link) => (
          <li key={link.href}>
            <Link
              href={link.href}
              aria-current={link.active ? "page" : undefined}
              className={cx(
                "flex h-11 items-center gap-2 border-b-2 px-2.5 text-sm font-medium whitespace-nowrap transition-colors",
                link.active
                  ? "border-accent-600 text-ink"
                  : "border-transparent text-muted hover:border-line-strong hover:text-ink",
              )}
            >
              <span className={link.active ? "text-accent-700" : undefined}>{link.icon}</span>
              {link.label}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}
