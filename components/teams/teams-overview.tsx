"use client";

import { useState } from "react";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { UsersIcon } from "@/components/ui/icons";
import { PageHeader } from "@/components/ui/page-header";
import { useMyTeams } from "@/lib/client/teams";
import { CreateTeamForm } from "./create-team-form";
import { TeamCardList } from "./team-card-list";

export function TeamsOverview() {
  const { data: teams = [] } = useMyTeams();
  // Decided once: creating the first team navigates to it, so the page must not re-arrange meanwhile.
  const [firstTeam] = useState(teams.length === 0);

  if (firstTeam) {
    return (
      <div className="mx-auto max-w-xl py-6 sm:py-12">
        <div className="mb-6 flex size-12 items-center justify-center rounded-full bg-accent-50 text-accent-700 ring-1 ring-accent-100">
          <UsersIcon className="size-5" />
        </div>
        <h1 className="text-2xl font-semibold tracking-tight text-ink">Create your first team</h1>
        <p className="mt-2 text-[15px] leading-7 text-muted">
          A team is the group of people who plan together. Everyone in it shares the team’s roadmaps and
          skills catalogue, and each person has a role: owners manage members, editors shape the roadmaps,
          commenters weigh in and viewers follow along. You become the owner of the team you create.
        </p>
        <Card className="mt-8" id="create-team" aria-labelledby="create-team-title">
          <CardHeader titleId="create-team-title" title="Name your team" />
          <CardBody>
            <CreateTeamForm autoFocus />
          </CardBody>
        </Card>
        <p className="mt-6 text-sm leading-6 text-muted">
          Joining an existing team instead? Ask one of its owners for an invitation and open the link they
          send you.
        </p>
      </div>
    );
  }

  return (
    <>
      <PageHeader
        title="Your teams"
        description="Each team has its own roadmaps, members and skills catalogue."
      />
      <TeamCardList teams={teams} />
      <Card className="mt-10 max-w-2xl scroll-mt-24" id="create-team" aria-labelledby="create-team-title">
        <CardHeader
          titleId="create-team-title"
          title="Create a team"
          description="Start a separate space for another product or group. You will be its owner."
        />
        <CardBody>
          <CreateTeamForm />
        </CardBody>
      </Card>
    </>
  );
}
