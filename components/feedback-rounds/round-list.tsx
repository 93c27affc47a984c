"use client";

import Link from "next/link";
import { AUDIENCE_LABELS } from "@/components/dashboards/audience-labels";
import { useDateText, useToday } from "@/lib/client/dates";
import { Badge } from "@/components/ui/badge";
import { ChevronRightIcon } from "@/components/ui/icons";
import { pluralize } from "@/lib/client/format";
import type { FeedbackRound } from "@/lib/client/feedback-rounds";
import { closesInText } from "./feedback-facts";

/** When a round closes or closed, in words: "Closes 2 Dec 2026 · closes in 3 days", "Closed on 2 Dec 2026". */
export function RoundClosing({ round }: { round: FeedbackRound }) {
  const dt = useDateText();
  const today = useToday();
  if (round.status === "closed") {
    const on = round.closedAt ? round.closedAt.slice(0, 10) : round.closesOn;
    return (
      <span>
        Closed on <time dateTime={on}>{dt.date(on)}</time>
      </span>
    );
  }
  return (
    <span>
      Closes <time dateTime={round.closesOn}>{dt.date(round.closesOn)}</time>
      {today && <span className="font-medium text-ink-soft"> · {closesInText(today, round.closesOn)}</span>}
    </span>
  );
}

function RoundRow({ roadmapId, round }: { roadmapId: string; round: FeedbackRound }) {
  return (
    <li className="group relative flex items-center gap-4 px-4 py-3.5 hover:bg-subtle/60 sm:px-5">
      <div className="min-w-0 flex-1">
        <Link
          href={`/roadmaps/${roadmapId}/feedback/${round.id}`}
          className="font-medium text-ink after:absolute after:inset-0 group-hover:underline focus-visible:outline-none focus-visible:after:rounded-md focus-visible:after:outline-2 focus-visible:after:outline-accent-600"
        >
          {round.question}
        </Link>
        <p className="mt-1 flex flex-wrap items-center gap-x-2 gap-y-1 text-[13px] text-muted">
          <Badge
            tone={
              round.audience === "executive"
                ? "accent"
                : round.audience === "engineering"
                  ? "info"
                  : "neutral"
            }
          >
            {AUDIENCE_LABELS[round.audience]}
          </Badge>
          <RoundClosing round={round} />
          <span aria-hidden="true">·</span>
          <span>{pluralize(round.respondentCount, "respondent")}</span>
        </p>
      </div>
      <ChevronRightIcon className="size-4 shrink-0 text-muted" />
    </li>
  );
}

/** One group of rounds (open or closed) under its heading. */
export function RoundList({
  roadmapId,
  title,
  titleId,
  rounds,
}: {
  roadmapId: string;
  title: string;
  titleId: string;
  rounds: FeedbackRound[];
}) {
  return (
    <section aria-labelledby={titleId} className="flex flex-col gap-2.5">
      <h2 id={titleId} className="text-sm font-semibold text-ink">
        {title} <span className="font-normal text-muted">({rounds.length})</span>
      </h2>
      <ul className="divide-y divide-line overflow-hidden rounded-xl border border-line bg-surface shadow-card">
        {rounds.map((round) => (
          <RoundRow key={round.id} roadmapId={roadmapId} round={round} />
        ))}
      </ul>
    </section>
  );
}
