"use client";

import { useId, useState } from "react";
import { Button } from "@/components/ui/button";
import { FieldError } from "@/components/ui/field";
import { CheckCircleIcon } from "@/components/ui/icons";
import { Textarea } from "@/components/ui/input";
import { ApiError, errorMessage } from "@/lib/client/api";
import { useAnswerFeedbackRound, type FeedbackResponse } from "@/lib/client/feedback-rounds";
import { ratingLabel } from "./feedback-facts";
import { RatingRadioGroup } from "./rating-radio-group";

/** Why an answer was not saved, in words about this page. */
function answerError(error: unknown): string {
  if (error instanceof ApiError && error.code === "feedback_round_closed")
    return "This round closed; your answer wasn't saved.";
  if (error instanceof ApiError && error.issues.length > 0)
    return error.issues.map((i) => i.message).join(" ");
  return errorMessage(error);
}

/**
 * One answer: a rating and an optional comment for the roadmap overall (`itemId` null) or one item,
 * saved on its own. Once saved it shows as "Saved · Edit"; read-only shows what was given.
 */
export function AnswerRow({
  roadmapId,
  roundId,
  itemId,
  legend,
  hideLegend = false,
  saved,
  readOnly,
}: {
  roadmapId: string;
  roundId: string;
  itemId: string | null;
  /** The rating's question, e.g. "Your confidence in Public launch". */
  legend: string;
  /** The legend is read out but not shown (a heading above says what is rated). */
  hideLegend?: boolean;
  saved: FeedbackResponse | undefined;
  readOnly: boolean;
}) {
  const id = useId();
  const answer = useAnswerFeedbackRound(roadmapId, roundId);
  const [editing, setEditing] = useState(!saved);
  const [rating, setRating] = useState<number | null>(saved?.rating ?? null);
  const [text, setText] = useState(saved?.text ?? "");
  const [missingRating, setMissingRating] = useState(false);
  const errorId = `${id}-error`;
  const error = missingRating
    ? "Choose a rating from 1 to 5."
    : answer.error
      ? answerError(answer.error)
      : null;

  function save() {
    if (rating === null) {
      setMissingRating(true);
      return;
    }
    setMissingRating(false);
    answer.mutate(
      { itemId, rating, text: text.trim() ? text.trim() : null },
      { onSuccess: () => setEditing(false) },
    );
  }

  if (readOnly || (!editing && saved)) {
    return (
      <div className="flex flex-col gap-1.5">
        <p className={hideLegend ? "sr-only" : "text-[13px] font-medium text-ink"}>{legend}</p>
        {saved ? (
          <div className="flex flex-wrap items-start justify-between gap-2">
            <p className="min-w-0 text-sm text-ink-soft">
              <span className="font-semibold text-ink tabular-nums">{saved.rating}</span> ·{" "}
              {ratingLabel(saved.rating)}
              {saved.text && (
                <span className="mt-0.5 block whitespace-pre-line text-muted">“{saved.text}”</span>
              )}
            </p>
            {!readOnly && (
              <p className="flex items-center gap-2 text-[13px] text-success-800">
                <CheckCircleIcon className="size-3.5" />
                Saved
                <span aria-hidden="true" className="text-muted">
                  ·
                </span>
                <Button
                  size="sm"
                  variant="ghost"
                  onClick={() => setEditing(true)}
                  aria-label={`Edit: ${legend}`}
                >
                  Edit
                </Button>
              </p>
            )}
          </div>
        ) : (
          <p className="text-sm text-muted">Not answered.</p>
        )}
        {error && (
          <div role="alert">
            <FieldError id={errorId}>{error}</FieldError>
          </div>
        )}
      </div>
    );
  }

  return (
    <div className="flex flex-col gap-3">
      <RatingRadioGroup
        legend={legend}
        hideLegend={hideLegend}
        name={`${id}-rating`}
        value={rating}
        onChange={(r) => {
          setRating(r);
          setMissingRating(false);
        }}
        invalid={!!error && rating === null}
        describedBy={error ? errorId : undefined}
      />
      <div className="flex flex-col gap-1.5">
        <label htmlFor={`${id}-comment`} className="text-[13px] font-medium text-ink">
          Comment <span className="font-normal text-muted">(optional)</span>
        </label>
        <Textarea
          id={`${id}-comment`}
          rows={2}
          maxLength={5000}
          value={text}
          onChange={(e) => setText(e.target.value)}
          placeholder="What makes you more or less confident?"
        />
      </div>
      {error && (
        <div role="alert">
          <FieldError id={errorId}>{error}</FieldError>
        </div>
      )}
      <div className="flex flex-wrap items-center gap-2">
        <Button size="sm" variant="primary" loading={answer.isPending} onClick={save}>
          {saved ? "Save changes" : "Save answer"}
        </Button>
        {saved && (
          <Button
            size="sm"
            variant="ghost"
            onClick={() => {
              setRating(saved.rating);
              setText(saved.text ?? "");
              setEditing(false);
              answer.reset();
            }}
          >
            Cancel
          </Button>
        )}
      </div>
    </div>
  );
}
