import Link from "next/link";
import { ArrowRightIcon } from "@/components/ui/icons";
import { ROLE_INFO } from "@/lib/validation/roles";
import type { TeamSummary } from "@/lib/validation/accounts";
import { RoleBadge } from "./role-badge";
import { TeamAvatar } from "./team-avatar";

export function TeamCardList({ teams }: { teams: TeamSummary[] }) {
  return (
    <ul className="grid gap-4 sm:grid-cols-2 lg:grid-cols-3">
      {teams.map((team) => (
        <li key={team.id}>
          <Link
            href={`/teams/${team.slug}`}
            className="group flex h-full flex-col rounded-xl border border-line bg-surface p-5 shadow-card transition hover:border-line-strong hover:shadow-popover"
          >
            <div className="flex items-start gap-3">
              <TeamAvatar name={team.name} seed={team.id} size="lg" />
              <div className="min-w-0 flex-1">
                <h2 className="truncate text-[15px] font-semibold tracking-tight text-ink">{team.name}</h2>
                <p className="mt-1">
                  <span className="sr-only">Your role: </span>
                  <RoleBadge role={team.role} />
                </p>
              </div>
              <ArrowRightIcon className="mt-1 size-4 text-muted transition group-hover:translate-x-0.5 group-hover:text-ink" />
            </div>
            <p className="mt-4 text-[13px] leading-5 text-muted">{ROLE_INFO[team.role].summary}</p>
          </Link>
        </li>
      ))}
    </ul>
  );
}
