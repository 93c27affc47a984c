import { ActualsImportForm } from "@/components/imports/actuals-import-form";
import { ActualsFormat } from "@/components/imports/actuals-format";
import { Alert } from "@/components/ui/alert";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { ROLE_INFO, canEditRoadmaps } from "@/lib/validation/roles";
import { SectionPage, loadSectionPage, sectionMetadata } from "../section-page";

type Props = { params: Promise<{ roadmapId: string }> };

export const generateMetadata = sectionMetadata("actuals", "Import actuals");

export default async function ImportActualsPage({ params }: Props) {
  const page = await loadSectionPage(params, "actuals");
  const { board, team } = page;
  return (
    <SectionPage
      page={page}
      section="actuals"
      title="Import actuals"
      description="Bring in the hours people spent from a timesheet, and when work really started and finished. Estimate accuracy and the forecast from history learn from them."
    >
      <div className="grid items-start gap-6 lg:grid-cols-[minmax(0,1fr)_24rem]">
        <Card aria-labelledby="actuals-upload-title">
          <CardHeader titleId="actuals-upload-title" title="Upload a CSV file" />
          <CardBody>
            {canEditRoadmaps(board.role) ? (
              <ActualsImportForm roadmapId={board.roadmap.id} />
            ) : (
              <Alert tone="info" title="Only editors and owners can import actuals">
                You are a {ROLE_INFO[board.role].label.toLowerCase()} in {team.name}. Ask an editor or owner
                to import them.
              </Alert>
            )}
          </CardBody>
        </Card>
        <Card aria-labelledby="actuals-format-title">
          <CardHeader titleId="actuals-format-title" title="What the file holds" />
          <CardBody>
            <ActualsFormat />
          </CardBody>
        </Card>
      </div>
    </SectionPage>
  );
}
