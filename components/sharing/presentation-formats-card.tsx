import { Card, CardHeader } from "@/components/ui/card";
import { ArrowRightIcon, PresentationIcon } from "@/components/ui/icons";
import Link from "next/link";

/** The roadmap as a one-page brief to print, or as slides for a meeting. */
export function PresentationFormatsCard({ roadmapId }: { roadmapId: string }) {
  const formats = [
    {
      href: `/roadmaps/${roadmapId}/one-pager`,
      title: "Executive one-pager",
      description: "Milestones, confidence, top risks and changes on one printable page (or PDF).",
    },
    {
      href: `/roadmaps/${roadmapId}/present`,
      title: "Present",
      description:
        "Full-screen slides: the whole timeline, a quarter per slide, key milestones, risks and what changed.",
    },
  ];
  return (
    <Card aria-labelledby="formats-title">
      <CardHeader titleId="formats-title" title="Print and present" />
      <ul className="mt-3 flex flex-col gap-2 px-5 pb-5 sm:px-6">
        {formats.map((f) => (
          <li key={f.href}>
            <Link
              href={f.href}
              className="group flex items-start gap-3 rounded-lg border border-line px-3.5 py-3 transition-colors hover:border-accent-300 hover:bg-accent-50/50"
            >
              <PresentationIcon className="mt-0.5 size-4 shrink-0 text-accent-700" />
              <span className="min-w-0 flex-1">
                <span className="block text-sm font-medium text-ink">{f.title}</span>
                <span className="block text-[13px] leading-5 text-muted">{f.description}</span>
              </span>
              <ArrowRightIcon className="mt-0.5 size-4 shrink-0 text-muted group-hover:text-accent-700" />
            </Link>
          </li>
        ))}
      </ul>
    </Card>
  );
}
