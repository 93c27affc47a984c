"use client";

import { Alert } from "@/components/ui/alert";
import { ButtonLink } from "@/components/ui/button-link";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { UsersIcon } from "@/components/ui/icons";
import { LoadError, LoadingStatus } from "@/components/ui/query-state";
import { Skeleton } from "@/components/ui/skeleton";
import { TextLink } from "@/components/ui/text-link";
import { useCapacity, useStaffing, type Capacity, type StaffingPlan } from "@/lib/client/resources";
import { useSkills } from "@/lib/client/skills";
import { useBoard } from "@/lib/client/timeline";
import type { Skill } from "@/lib/validation/teams";
import { capacityHeadline, isIdle } from "./capacity-facts";
import { CapacitySummary } from "./capacity-summary";
import { CapacityTable } from "./capacity-table";
import { HeadcountChart } from "./headcount-chart";
import { PhaseCapacityTable } from "./phase-capacity-table";
import { useNumberText } from "./numbers";
import { RampUpTable } from "./ramp-up-table";
import { CapacityLegend, SkillCapacityChart } from "./skill-capacity-chart";
import { StaffingEditor } from "./staffing-editor";
import { StaffingTable } from "./staffing-table";
import { WorkstreamHours } from "./workstream-hours";

function GapSection({
  capacity,
  plan,
  canEdit,
}: {
  capacity: Capacity;
  plan: StaffingPlan;
  canEdit: boolean;
}) {
  const num = useNumberText();
  const active = capacity.skills.filter((s) => !isIdle(s));
  const idle = capacity.skills.filter(isIdle);
  const { demand, unassigned } = capacityHeadline(capacity);
  return (
    <Card aria-labelledby="gaps-title">
      <CardHeader
        titleId="gaps-title"
        title="Demand and capacity by skill"
        description="Per quarter, the hours features ask of each skill against the hours of the people planned."
      />
      <CardBody className="flex flex-col gap-5">
        {plan.rows.length === 0 && (
          <Alert tone="info" title="No staffing plan yet: add headcount per skill to see capacity">
            {canEdit ? (
              <>
                Until then every quarter with demand shows as short.{" "}
                <TextLink href="#staffing">Fill in the staffing plan</TextLink> below.
              </>
            ) : (
              "Until then every quarter with demand shows as short. Editors of the team fill in the staffing plan."
            )}
          </Alert>
        )}
        {demand === 0 && (
          <Alert tone="info" title="No demand yet">
            No feature asks for skill hours yet. Give features the skills they need and the hours of each to
            see demand against capacity.
          </Alert>
        )}
        {active.length > 0 && (
          <>
            <CapacityLegend />
            <div className="grid gap-4 md:grid-cols-2">
              {active.map((skill) => (
                <SkillCapacityChart key={skill.skillId} skill={skill} />
              ))}
            </div>
          </>
        )}
        {idle.length > 0 && active.length > 0 && (
          <p className="text-[13px] text-muted">
            Neither needed nor staffed: {idle.map((s) => s.name).join(", ")}.
          </p>
        )}
        {unassigned > 0 && (
          <p className="text-[13px] leading-5 text-muted">
            A further {num.hours(unassigned)} of estimated work is not asked of any skill, so it is in no
            chart: give those features their skills to count it.
          </p>
        )}
        <CapacityTable capacity={capacity} />
      </CardBody>
    </Card>
  );
}

function StaffingSection({
  roadmapId,
  skills,
  capacity,
  plan,
  canEdit,
}: {
  roadmapId: string;
  skills: Skill[];
  capacity: Capacity;
  plan: StaffingPlan;
  canEdit: boolean;
}) {
  return (
    <Card id="staffing" aria-labelledby="staffing-title" className="scroll-mt-4">
      <CardHeader
        titleId="staffing-title"
        title="Staffing plan"
        description={
          canEdit
            ? "How many people of each skill work on this roadmap each quarter, and their focused hours a week."
            : `How many people of each skill work on this roadmap each quarter, and their focused hours a week. Hiring lead time: ${plan.hiringLeadWeeks} weeks.`
        }
      />
      <CardBody>
        {canEdit ? (
          <StaffingEditor roadmapId={roadmapId} skills={skills} quarters={capacity.quarters} plan={plan} />
        ) : plan.rows.length === 0 ? (
          <p className="text-sm text-muted">No staffing plan yet. Editors of the team fill it in.</p>
        ) : (
          <StaffingTable skills={skills} quarters={capacity.quarters} plan={plan} />
        )}
      </CardBody>
    </Card>
  );
}

/** The capacity page below its header: figures, gaps per skill, the staffing plan, ramp-up, lane hours. */
export function CapacityView({
  roadmapId,
  team,
  canEdit,
}: {
  roadmapId: string;
  team: { id: string; slug: string };
  canEdit: boolean;
}) {
  const skills = useSkills(team.id);
  const staffing = useStaffing(roadmapId);
  const capacity = useCapacity(roadmapId);
  const roadmap = useBoard(roadmapId).data?.roadmap;

  const failed = [
    { query: capacity, title: "Capacity could not be worked out" },
    { query: staffing, title: "The staffing plan could not be loaded" },
    { query: skills, title: "The team's skills could not be loaded" },
  ].find((f) => !f.query.data && f.query.error);
  if (failed)
    return <LoadError title={failed.title} error={failed.query.error} onRetry={failed.query.refetch} />;
  if (!skills.data || !staffing.data || !capacity.data) {
    return (
      <LoadingStatus label="Loading capacity…" className="flex flex-col gap-4">
        <Skeleton className="h-20 w-full" />
        <Skeleton className="h-80 w-full" />
        <Skeleton className="h-48 w-full" />
      </LoadingStatus>
    );
  }

  return (
    <div className="flex flex-col gap-6">
      {skills.data.length === 0 ? (
        <EmptyState
          icon={<UsersIcon className="size-5" />}
          title="No skills in this team’s catalogue yet"
          description="Capacity is planned per skill (e.g. Backend, Design). Add the team’s skills, give features the hours they need of each, then plan headcount per skill and quarter here."
          action={
            canEdit ? (
              <ButtonLink variant="primary" href={`/teams/${team.slug}/settings`}>
                Add skills in team settings
              </ButtonLink>
            ) : null
          }
        />
      ) : (
        <>
          <CapacitySummary capacity={capacity.data} />
          <GapSection capacity={capacity.data} plan={staffing.data} canEdit={canEdit} />
          {capacity.data.byPhase.length > 0 && (
            <Card id="by-phase" aria-labelledby="phase-gaps-title" className="scroll-mt-4">
              <CardHeader
                titleId="phase-gaps-title"
                title="Demand and capacity by phase"
                description={
                  <>
                    The same hours per development phase: a feature across two phases counts in each by its
                    working days there.{" "}
                    <TextLink href={`/roadmaps/${roadmapId}/phases`}>Phases and gates</TextLink>
                  </>
                }
              />
              <CardBody>
                <PhaseCapacityTable byPhase={capacity.data.byPhase} />
              </CardBody>
            </Card>
          )}
          {roadmap && (
            <Card aria-labelledby="headcount-title">
              <CardHeader
                titleId="headcount-title"
                title="Headcount over time"
                description="People in the staffing plan against the people the demand needs, quarter by quarter."
              />
              <CardBody>
                <HeadcountChart capacity={capacity.data} plan={staffing.data} roadmap={roadmap} />
              </CardBody>
            </Card>
          )}
          <StaffingSection
            roadmapId={roadmapId}
            skills={skills.data}
            capacity={capacity.data}
            plan={staffing.data}
            canEdit={canEdit}
          />
          <Card aria-labelledby="ramp-title">
            <CardHeader
              titleId="ramp-title"
              title="Ramp-up plan"
              description={`People to hire or move in so that each quarter is staffed, the phase each one is for, and when to start: ${capacity.data.hiringLeadWeeks} weeks of hiring lead time before the quarter begins.`}
            />
            <CardBody>
              <RampUpTable capacity={capacity.data} />
            </CardBody>
          </Card>
        </>
      )}
      <Card aria-labelledby="lanes-title">
        <CardHeader
          titleId="lanes-title"
          title="Hours per lane"
          description="The features’ expected hours (from their three-point estimates) per lane and quarter."
        />
        <CardBody>
          <WorkstreamHours capacity={capacity.data} />
        </CardBody>
      </Card>
    </div>
  );
}
