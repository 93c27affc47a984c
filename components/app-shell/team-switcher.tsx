"use client";

import { ChevronUpDownIcon, PlusIcon, UsersIcon } from "@/components/ui/icons";
import { Menu, MenuGroup, MenuLinkItem, MenuSeparator } from "@/components/ui/menu";
import { RoleBadge } from "@/components/teams/role-badge";
import { TeamAvatar } from "@/components/teams/team-avatar";
import { ROLE_INFO } from "@/lib/validation/roles";
import type { TeamSummary } from "@/lib/validation/accounts";

/** Switches between the user's teams; the current one is checked. */
export function TeamSwitcher({ teams, current }: { teams: TeamSummary[]; current: TeamSummary | null }) {
  return (
    <Menu
      label="Switch team"
      triggerClassName="flex h-9 max-w-[min(22rem,calc(100vw-11.5rem))] min-w-0 items-center gap-2 rounded-md px-2 text-sm font-medium text-ink hover:bg-subtle aria-expanded:bg-subtle"
      trigger={
        <>
          {current ? (
            <TeamAvatar name={current.name} seed={current.id} />
          ) : (
            <UsersIcon className="size-4 text-muted" />
          )}
          <span className="sr-only">Switch team. Current team: </span>
          <span className="truncate">{current ? current.name : "Your teams"}</span>
          {current && (
            <>
              <span className="sr-only">, your role: </span>
              <RoleBadge role={current.role} className="max-sm:hidden" />
            </>
          )}
          <ChevronUpDownIcon className="size-3.5 shrink-0 text-muted" />
        </>
      }
    >
      {teams.length > 0 && (
        <>
          <MenuGroup label="Your teams">
            <div className="max-h-[50vh] overflow-y-auto">
              {teams.map((team) => (
                <MenuLinkItem key={team.id} href={`/teams/${team.slug}`} checked={team.id === current?.id}>
                  <TeamAvatar name={team.name} seed={team.id} />
                  <span className="min-w-0 flex-1 truncate">{team.name}</span>
                  <span className="text-xs text-muted">{ROLE_INFO[team.role].label}</span>
                  <span aria-hidden="true" className="w-3 text-accent-700">
                    {team.id === current?.id ? "✓" : ""}
                  </span>
                </MenuLinkItem>
              ))}
            </div>
          </MenuGroup>
          <MenuSeparator />
        </>
      )}
      <MenuLinkItem href="/teams">
        <UsersIcon className="size-4 text-muted" />
        All teams
      </MenuLinkItem>
      <MenuLinkItem href="/teams#create-team">
        <PlusIcon className="size-4 text-muted" />
        Create a team
      </MenuLinkItem>
    </Menu>
  );
}
