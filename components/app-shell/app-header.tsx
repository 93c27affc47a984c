"use client";

import Link from "next/link";
import { CairnMark } from "@/components/brand/logo";
import { NotificationBell } from "@/components/notifications/notification-bell";
import { useMyTeams } from "@/lib/client/teams";
import { useCurrentTeamSlug } from "./current-team";
import type { SignOutAction } from "./sign-out-form";
import { TeamNav } from "./team-nav";
import { TeamSwitcher } from "./team-switcher";
import { UserMenu } from "./user-menu";

export function AppHeader({
  user,
  signOutAction,
}: {
  user: { name: string; email: string };
  signOutAction: SignOutAction;
}) {
  const slug = useCurrentTeamSlug();
  const { data: teams = [] } = useMyTeams();
  const current = teams.find((t) => t.slug === slug) ?? null;

  return (
    <header className="sticky top-0 z-40 border-b border-line bg-surface">
      <div className="mx-auto flex h-14 max-w-6xl items-center gap-1.5 px-3 sm:gap-2 sm:px-6 lg:px-8">
        <Link href="/" className="flex shrink-0 items-center gap-2 rounded-md p-1">
          <CairnMark className="size-7" />
          <span className="text-[17px] font-semibold tracking-tight text-ink max-sm:sr-only">Cairn</span>
        </Link>
        <span aria-hidden="true" className="mx-0.5 text-xl font-light text-line-strong sm:mx-1">
          /
        </span>
        <TeamSwitcher teams={teams} current={current} />
        <div className="ml-auto flex items-center gap-1">
          <NotificationBell />
          <UserMenu user={user} signOutAction={signOutAction} />
        </div>
      </div>
      {current && <TeamNav slug={current.slug} />}
    </header>
  );
}
