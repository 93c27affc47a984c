import type { Metadata } from "next";
import { PageContainer } from "@/components/app-shell/page-container";
import { ImportForm } from "@/components/imports/import-form";
import { ImportFormats } from "@/components/imports/import-formats";
import { Alert } from "@/components/ui/alert";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { TextLink } from "@/components/ui/text-link";
import { ROLE_INFO, canEditRoadmaps } from "@/lib/validation/roles";
import { loadTeamPage } from "../../load-team";

type Params = { params: Promise<{ teamSlug: string }> };

const path = (slug: string) => `/teams/${slug}/roadmaps/import`;

export async function generateMetadata({ params }: Params): Promise<Metadata> {
  const { teamSlug } = await params;
  const { team } = await loadTeamPage(teamSlug, path(teamSlug));
  return { title: `Import a roadmap · ${team.name}` };
}

export default async function ImportRoadmapPage({ params }: Params) {
  const { teamSlug } = await params;
  const { team, role } = await loadTeamPage(teamSlug, path(teamSlug));
  return (
    <PageContainer className="max-w-5xl">
      <p className="mb-2 text-[13px] text-muted">
        <TextLink href={`/teams/${team.slug}`}>{team.name}</TextLink> / Roadmaps
      </p>
      <PageHeader
        title="Import a roadmap"
        description="Bring in a plan from a Cairn export, a spreadsheet or Microsoft Project. It becomes a new roadmap of this team; nothing existing changes."
      />
      <div className="grid items-start gap-6 lg:grid-cols-[minmax(0,1fr)_22rem]">
        <Card aria-labelledby="import-title">
          <CardHeader titleId="import-title" title="Upload a file" />
          <CardBody>
            {canEditRoadmaps(role) ? (
              <ImportForm teamId={team.id} />
            ) : (
              <Alert tone="info" title="Only editors and owners can import">
                You are a {ROLE_INFO[role].label.toLowerCase()} in {team.name}. Ask an editor or owner to
                import the plan, or to make you an editor.
              </Alert>
            )}
          </CardBody>
        </Card>
        <Card aria-labelledby="formats-title">
          <CardHeader titleId="formats-title" title="What Cairn can import" />
          <CardBody>
            <ImportFormats />
          </CardBody>
        </Card>
      </div>
    </PageContainer>
  );
}
