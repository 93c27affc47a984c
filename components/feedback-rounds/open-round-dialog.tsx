"use client";

import { useRouter } from "next/navigation";
import { useId, useMemo, useState } from "react";
import { AUDIENCE_LABELS } from "@/components/dashboards/audience-labels";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { ChoiceField } from "@/components/ui/choice-field";
import { Field } from "@/components/ui/field";
import { Input, Textarea } from "@/components/ui/input";
import { PlusIcon } from "@/components/ui/icons";
import { LocalDate } from "@/components/ui/local-date";
import { useToday } from "@/lib/client/dates";
import { useOpenFeedbackRound } from "@/lib/client/feedback-rounds";
import { blankFields, useValidatedForm, type FieldErrors } from "@/lib/client/forms";
import { AUDIENCES, type Audience } from "@/lib/validation/communication-kinds";
import { defaultClosesOn } from "./feedback-facts";

const FIELDS = ["question", "audience", "closesOn"] as const;

/** What the form checks before sending (the server checks the rest): a question, and a round cannot close in the past. */
function checkFrom(today: string | null) {
  return (values: { question: string; closesOn: string }): FieldErrors => ({
    ...blankFields(values, { question: "The question" }),
    closesOn: today && values.closesOn < today ? "Choose today or a later day." : undefined,
  });
}

function OpenRoundForm({
  roadmapId,
  today,
  formId,
  openRound,
}: {
  roadmapId: string;
  today: string;
  formId: string;
  openRound: ReturnType<typeof useOpenFeedbackRound>;
}) {
  const router = useRouter();
  const [question, setQuestion] = useState("How confident are you that we can deliver this roadmap?");
  const [audience, setAudience] = useState<Audience>("executive");
  const [closesOn, setClosesOn] = useState(() => defaultClosesOn(today));
  const check = useMemo(() => checkFrom(today), [today]);
  const form = useValidatedForm(check, openRound, FIELDS);

  return (
    <form
      id={formId}
      noValidate
      className="flex flex-col gap-4"
      onSubmit={(e) =>
        form.submit(
          e,
          { question, audience, closesOn },
          { onSuccess: (round) => router.push(`/roadmaps/${roadmapId}/feedback/${round.id}`) },
        )
      }
    >
      {form.formError && <Alert tone="error">{form.formError}</Alert>}
      <Field
        label="Question"
        error={form.fieldErrors.question}
        hint="People rate 1 to 5 and may add a comment."
      >
        {(control) => (
          <Textarea
            {...control}
            rows={3}
            maxLength={1000}
            value={question}
            onChange={(e) => {
              setQuestion(e.target.value);
              form.clearField("question");
            }}
          />
        )}
      </Field>
      <ChoiceField
        label="Audience"
        error={form.fieldErrors.audience}
        value={audience}
        choices={AUDIENCES}
        labelOf={(a) => AUDIENCE_LABELS[a]}
        onChange={(a) => setAudience(a)}
      />
      <Field
        label="Closes on"
        error={form.fieldErrors.closesOn}
        hint={
          <>
            Answers are taken until the end of this day. Suggested:{" "}
            <LocalDate value={defaultClosesOn(today)} />.
          </>
        }
      >
        {(control) => (
          <div className="w-48 max-w-full">
            <Input
              {...control}
              type="date"
              min={today}
              value={closesOn}
              onChange={(e) => {
                setClosesOn(e.target.value);
                form.clearField("closesOn");
              }}
            />
          </div>
        )}
      </Field>
    </form>
  );
}

/**
 * "Open a feedback round" and its dialog: the question, who it is for and when it closes. The
 * round asks about the roadmap as it is at this moment; the new round's page opens next.
 */
export function OpenRoundButton({
  roadmapId,
  variant = "primary",
}: {
  roadmapId: string;
  variant?: "primary" | "secondary";
}) {
  const [open, setOpen] = useState(false);
  const openRound = useOpenFeedbackRound(roadmapId);
  const today = useToday();
  const formId = useId();
  return (
    <>
      <Button
        variant={variant}
        icon={<PlusIcon className="size-4" />}
        onClick={() => setOpen(true)}
        disabled={!today}
      >
        Open a feedback round
      </Button>
      <Dialog
        open={open}
        onClose={() => {
          setOpen(false);
          openRound.reset();
        }}
        title="Open a feedback round"
        description="It asks about the roadmap as it is now: a snapshot is taken, so later edits do not change what people rate."
        footer={
          <>
            <Button variant="secondary" onClick={() => setOpen(false)}>
              Cancel
            </Button>
            <Button
              variant="primary"
              type="submit"
              form={formId}
              loading={openRound.isPending || openRound.isSuccess}
            >
              Open round
            </Button>
          </>
        }
      >
        {today && <OpenRoundForm roadmapId={roadmapId} today={today} formId={formId} openRound={openRound} />}
      </Dialog>
    </>
  );
}
