import { TextLink } from "@/components/ui/text-link";
import { PrintButton } from "./print-button";

/** Above the sheet on screen only: the way back and the print button. */
export function OnePagerToolbar({ roadmapId, roadmapTitle }: { roadmapId: string; roadmapTitle: string }) {
  return (
    <div className="mx-auto mb-5 flex w-full max-w-[210mm] flex-wrap items-center justify-between gap-3 print:hidden">
      <nav aria-label="Breadcrumb" className="min-w-0 text-[13px] text-muted">
        <TextLink href={`/roadmaps/${roadmapId}`}>{roadmapTitle}</TextLink>
        <span aria-hidden="true"> / </span>
        <TextLink href={`/roadmaps/${roadmapId}/share`}>Share &amp; export</TextLink>
        <span aria-hidden="true"> / </span>
        <span aria-current="page" className="text-ink-soft">
          Executive one-pager
        </span>
      </nav>
      <PrintButton />
    </div>
  );
}
