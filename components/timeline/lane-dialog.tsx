"use client";

import { useState, type FormEvent } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { Field } from "@/components/ui/field";
import { ChevronDownIcon, PlusIcon, TrashIcon } from "@/components/ui/icons";
import { Input } from "@/components/ui/input";
import { errorMessage } from "@/lib/client/api";
import { validate } from "@/lib/client/forms";
import { pluralize } from "@/lib/client/format";
import { workstreamInputSchema, type Workstream } from "@/lib/validation/timeline";

export interface LaneDialogActions {
  /** Opens the item panel for a new item in this lane (the dialog closes first). */
  addItem: (laneId: string) => void;
  create: (name: string) => Promise<unknown>;
  rename: (laneId: string, name: string) => Promise<unknown>;
  move: (laneId: string, by: -1 | 1) => Promise<unknown>;
  remove: (laneId: string) => Promise<unknown>;
}

/**
 * Adds a lane, or renames, reorders and removes one. Removing is refused by the API while the lane
 * holds items (422 workstream_not_empty); its message is shown here.
 */
export function LaneDialog({
  open,
  lane,
  itemCount,
  index,
  laneCount,
  onClose,
  actions,
}: {
  open: boolean;
  /** null: a new lane. */
  lane: Workstream | null;
  itemCount: number;
  index: number;
  laneCount: number;
  onClose: () => void;
  actions: LaneDialogActions;
}) {
  const [name, setName] = useState(lane?.name ?? "");
  const [fieldError, setFieldError] = useState<string | null>(null);
  const [formError, setFormError] = useState<string | null>(null);
  const [pending, setPending] = useState<string | null>(null);

  async function run(what: string, action: () => Promise<unknown>, closeAfter: boolean) {
    setPending(what);
    setFormError(null);
    try {
      await action();
      if (closeAfter) onClose();
    } catch (error) {
      setFormError(errorMessage(error));
    } finally {
      setPending(null);
    }
  }

  function submit(event: FormEvent) {
    event.preventDefault();
    const result = validate(workstreamInputSchema, { name });
    if (!result.ok) {
      setFieldError(result.errors.name ?? "Check the name.");
      return;
    }
    setFieldError(null);
    if (lane) void run("save", () => actions.rename(lane.id, result.data.name), true);
    else void run("save", () => actions.create(result.data.name), true);
  }

  return (
    <Dialog
      open={open}
      onClose={onClose}
      title={lane ? `Lane “${lane.name}”` : "Add a lane"}
      description={
        lane
          ? `${pluralize(itemCount, "item")} in this lane.`
          : "A lane is a workstream: a team or a strand of work, e.g. “Checkout” or “Mobile”."
      }
    >
      <form noValidate onSubmit={submit} className="flex flex-col gap-4 pb-1">
        {formError && <Alert tone="error">{formError}</Alert>}
        <div className="flex items-start gap-2">
          <Field label="Lane name" error={fieldError} className="flex-1">
            {(control) => (
              <Input
                {...control}
                autoFocus
                autoComplete="off"
                maxLength={100}
                value={name}
                onChange={(e) => {
                  setName(e.target.value);
                  setFieldError(null);
                }}
              />
            )}
          </Field>
          <Button type="submit" variant="primary" loading={pending === "save"} className="mt-[26px]">
            {lane ? "Rename" : "Add lane"}
          </Button>
        </div>
        {lane && (
          <div className="flex flex-col gap-3 border-t border-line pt-4">
            <div className="flex flex-wrap gap-2">
              <Button
                variant="secondary"
                size="sm"
                icon={<PlusIcon className="size-4" />}
                onClick={() => {
                  onClose();
                  actions.addItem(lane.id);
                }}
              >
                Add an item
              </Button>
              <Button
                variant="secondary"
                size="sm"
                disabled={index === 0}
                loading={pending === "up"}
                icon={<ChevronDownIcon className="size-4 rotate-180" />}
                onClick={() => run("up", () => actions.move(lane.id, -1), false)}
              >
                Move up
              </Button>
              <Button
                variant="secondary"
                size="sm"
                disabled={index >= laneCount - 1}
                loading={pending === "down"}
                icon={<ChevronDownIcon className="size-4" />}
                onClick={() => run("down", () => actions.move(lane.id, 1), false)}
              >
                Move down
              </Button>
              <Button
                variant="danger-outline"
                size="sm"
                className="ml-auto"
                loading={pending === "remove"}
                icon={<TrashIcon className="size-4" />}
                onClick={() => run("remove", () => actions.remove(lane.id), true)}
              >
                Remove lane
              </Button>
            </div>
            {itemCount > 0 && (
              <p className="text-[13px] leading-5 text-muted">
                Only an empty lane can be removed: move its items to another lane or delete them first.
              </p>
            )}
          </div>
        )}
      </form>
    </Dialog>
  );
}
