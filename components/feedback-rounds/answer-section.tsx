"use client";

import { Card, CardBody, CardHeader } from "@/components/ui/card";
import type { FeedbackRoundDetail } from "@/lib/client/feedback-rounds";
import { AnswerRow } from "./answer-row";
import { answerOrder } from "./feedback-facts";
import { ItemMeta } from "./item-heading";

/**
 * The caller's answers: the roadmap overall, then each milestone and feature the round asks about.
 * Each row saves on its own; once the round closes they are read-only.
 */
export function AnswerSection({ roadmapId, detail }: { roadmapId: string; detail: FeedbackRoundDetail }) {
  const { round, canRespond, myResponses } = detail;
  const readOnly = !canRespond;
  const savedFor = (itemId: string | null) => myResponses.find((r) => (r.itemId ?? null) === itemId);
  const items = answerOrder(detail.items);
  const answered = myResponses.length;

  return (
    <Card aria-labelledby="answer-title">
      <CardHeader
        titleId="answer-title"
        title={readOnly ? "Your answers" : "Your answer"}
        description={
          readOnly
            ? answered
              ? "The round is closed: these are the answers you gave."
              : "The round is closed; you did not answer it."
            : "Rate 1 (not confident) to 5 (very confident), overall and for any item you have a view on. Each answer saves on its own; you can change it until the round closes."
        }
      />
      <CardBody className="flex flex-col gap-0 pt-4">
        <div className="rounded-lg border border-line bg-canvas/50 p-4" data-testid="overall-answer">
          <AnswerRow
            roadmapId={roadmapId}
            roundId={round.id}
            itemId={null}
            legend="Overall: how confident are you in this roadmap?"
            saved={savedFor(null)}
            readOnly={readOnly}
          />
        </div>
        {items.length > 0 && (
          <>
            <h3 className="mt-6 mb-1 text-sm font-semibold text-ink">Milestones and features</h3>
            <ul className="divide-y divide-line">
              {items.map((item) => (
                <li key={item.id} className="flex flex-col gap-3 py-4">
                  <div>
                    <p className="font-medium text-ink">{item.title}</p>
                    <ItemMeta item={item} />
                  </div>
                  <AnswerRow
                    roadmapId={roadmapId}
                    roundId={round.id}
                    itemId={item.id}
                    legend={`Your confidence in ${item.title}`}
                    hideLegend
                    saved={savedFor(item.id)}
                    readOnly={readOnly}
                  />
                </li>
              ))}
            </ul>
          </>
        )}
      </CardBody>
    </Card>
  );
}
