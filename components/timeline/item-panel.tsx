"use client";

import {
  useEffect,
  useId,
  useRef,
  useState,
  type CSSProperties,
  type FormEvent,
  type KeyboardEvent,
} from "react";
import { ChangedBy } from "@/components/activity/changed-by";
import { ItemHistory } from "@/components/activity/item-history";
import { CommentsSection } from "@/components/comments/comments-section";
import { FeedbackBadge } from "@/components/comments/feedback-badge";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { TrashIcon, XIcon } from "@/components/ui/icons";
import { Tabs, tabPanelProps } from "@/components/ui/tabs";
import { ApiError } from "@/lib/client/api";
import { fieldErrorsFromIssues, type FieldErrors } from "@/lib/client/forms";
import type { Board } from "@/lib/client/timeline";
import { useSkills } from "@/lib/client/skills";
import { useCreateItem, useUpdateItem } from "@/lib/client/timeline-items";
import type { FeedbackSummary } from "@/lib/validation/collaboration";
import type { Member } from "@/lib/validation/teams";
import type { Item } from "@/lib/validation/timeline";
import type { DateText } from "./dates";
import { failureMessage, kindLabel } from "./describe";
import { ItemDependencies } from "./item-dependencies";
import { ItemFields, type SetValue } from "./item-fields";
import {
  FIELD_LABELS,
  changedFields,
  checkValues,
  differingFields,
  valuesOf,
  type ItemFormValues,
} from "./item-form-values";
import { ItemReadOnly, ScheduleSummary } from "./item-read-only";
import { ItemPhaseLine } from "./phase-of-item";
import { STATUS_INFO } from "./item-status";
import type { ScheduleEntry } from "./timeline-item";

export type PanelTab = "details" | "comments" | "history";

/** The section last chosen: opening the next item keeps the reader where they were (e.g. reviewing comments). */
let lastPanelTab: PanelTab = "details";

export type PanelTarget =
  { mode: "edit"; itemId: string } | { mode: "create"; values: ItemFormValues; key: number };

export interface ItemPanelProps {
  roadmapId: string;
  /** Its height beside the timeline on wide screens (on small ones it covers the screen). */
  height: number;
  target: PanelTarget;
  board: Board;
  entry: ScheduleEntry | undefined;
  canEdit: boolean;
  members: Member[];
  dt: DateText;
  horizon: { start: string; end: string };
  onClose: () => void;
  /** `from` is the panel that created it: if another one has opened meanwhile, leave that one be. */
  onCreated: (item: Item, from: PanelTarget) => void;
  onDelete: (itemId: string) => void;
  onSelectItem: (itemId: string) => void;
  onLink: (fromId: string, toId: string, lagDays: number) => Promise<boolean>;
  onUnlink: (dependencyId: string) => Promise<boolean>;
}

/** Messages for the fields from a refusal (400 details, 422 with a field) and one for the form. */
function serverErrors(error: unknown, board: Board): { fields: FieldErrors; form: string | null } {
  if (error instanceof ApiError) {
    if (error.status === 400 || error.code === "invalid_reference") {
      const details = Array.isArray(error.details)
        ? (error.details as Array<{ path: string; message: string }>)
        : [];
      const fields = fieldErrorsFromIssues(details.filter((d) => d && typeof d.message === "string"));
      return { fields, form: Object.keys(fields).length ? null : error.message };
    }
    if (error.code === "outside_horizon")
      return { fields: { startDate: error.message }, form: error.message };
  }
  return { fields: {}, form: failureMessage(error, board) };
}

/**
 * The item's details in a side panel beside the timeline (not a modal: the timeline stays usable).
 * Editors get the form, validated with the API's own schema before sending; a refusal keeps every
 * value typed. A 412 shows what changed meanwhile and offers to apply the change again or discard it.
 */
export function ItemPanel(props: ItemPanelProps) {
  const { target, board, canEdit, dt } = props;
  const live = target.mode === "edit" ? board.items.find((i) => i.id === target.itemId) : undefined;
  const [base, setBase] = useState<Item | undefined>(live);
  const [values, setValues] = useState<ItemFormValues>(() =>
    target.mode === "edit" ? (live ? valuesOf(live) : ({} as ItemFormValues)) : target.values,
  );
  const [errors, setErrors] = useState<FieldErrors>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [conflict, setConflict] = useState<Item | null>(null);
  const [saved, setSaved] = useState(false);
  const [tab, setTab] = useState<PanelTab>(() => lastPanelTab);
  const updateItem = useUpdateItem(props.roadmapId);
  const createItem = useCreateItem(props.roadmapId);
  const saving = updateItem.isPending || createItem.isPending;
  const headingId = useId();
  const formId = useId();
  const tabsId = useId();
  const headingRef = useRef<HTMLHeadingElement>(null);
  const formRef = useRef<HTMLFormElement>(null);

  useEffect(() => {
    if (target.mode === "create")
      formRef.current?.querySelector<HTMLInputElement>('input:not([type="radio"])')?.focus();
    else headingRef.current?.focus();
  }, [target]);

  // Someone (or a drag) changed the item while the panel is open: take their values for the fields
  // the user has not touched; if both changed the same field, show the conflict now.
  if (live && base && live.version !== base.version && !conflict && !saving) {
    const baseValues = valuesOf(base);
    const liveValues = valuesOf(live);
    const dirty = differingFields(values, baseValues);
    const changed = differingFields(liveValues, baseValues);
    if (dirty.some((f) => changed.includes(f))) setConflict(live);
    else {
      const next = { ...liveValues };
      for (const f of dirty) (next as unknown as Record<string, unknown>)[f] = values[f];
      setBase(live);
      setValues(next);
    }
  }

  const set: SetValue = (key, value) => {
    setValues((old) => {
      const next = { ...old, [key]: value };
      if (key === "kind" && value === "milestone") next.endDate = next.startDate;
      if (key === "startDate" && old.kind === "feature" && old.endDate && old.endDate < String(value))
        next.endDate = String(value);
      return next;
    });
    setSaved(false);
    if (errors[key] || errors[`estimate.${key}`])
      setErrors((old) => ({ ...old, [key]: undefined, [`estimate.${key}`]: undefined }));
  };

  /** Focuses the first field with a problem and scrolls its message (below the field) into view. */
  function focusFirstInvalid() {
    requestAnimationFrame(() => {
      const field = formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]');
      if (!field) return;
      field.focus();
      const messageId = field.getAttribute("aria-describedby")?.split(" ")[0];
      if (messageId) document.getElementById(messageId)?.scrollIntoView({ block: "nearest" });
    });
  }

  function fail(error: unknown) {
    if (error instanceof ApiError && error.status === 412 && error.current) {
      setConflict(error.current as Item);
      return;
    }
    const { fields, form } = serverErrors(error, board);
    setErrors(fields);
    setFormError(form);
    focusFirstInvalid();
  }

  async function save(options: { against?: Item } = {}) {
    setFormError(null);
    setSaved(false);
    const check = checkValues(values);
    if (!check.ok) {
      setErrors(check.errors);
      focusFirstInvalid();
      return;
    }
    setErrors({});
    if (target.mode === "create") {
      try {
        const { item } = await createItem.mutateAsync(check.input);
        props.onCreated(item, target);
      } catch (error) {
        fail(error);
      }
      return;
    }
    if (!base) return;
    const patch = changedFields(values, valuesOf(base));
    if (Object.keys(patch).length === 0) {
      setConflict(null);
      setSaved(true);
      return;
    }
    try {
      const against = options.against ?? base;
      const { item } = await updateItem.mutateAsync({ itemId: base.id, patch, baseVersion: against.version });
      setConflict(null);
      setBase(item);
      setValues(valuesOf(item));
      setSaved(true);
    } catch (error) {
      fail(error);
    }
  }

  function discard() {
    if (!conflict) return;
    setBase(conflict);
    setValues(valuesOf(conflict));
    setConflict(null);
    setErrors({});
    setFormError(null);
  }

  function onKeyDown(event: KeyboardEvent<HTMLElement>) {
    if (event.key === "Escape" && !event.defaultPrevented) {
      event.preventDefault();
      props.onClose();
    }
  }

  const tabbed = target.mode === "edit" && !!live;
  const shownTab: PanelTab = tabbed ? tab : "details";
  const feedback = live ? board.feedback?.[live.id] : undefined;

  const title =
    target.mode === "create"
      ? `New ${values.kind}`
      : live
        ? `${kindLabel(live)}: ${live.title}`
        : "Item deleted";

  return (
    <aside
      aria-labelledby={headingId}
      onKeyDown={onKeyDown}
      style={{ "--panel-h": `${props.height}px` } as CSSProperties}
      className="fixed inset-0 z-50 bg-surface lg:relative lg:inset-auto lg:z-auto lg:h-[max(var(--panel-h),30rem)] lg:w-[25rem] lg:shrink-0 lg:rounded-lg lg:border lg:border-line lg:shadow-card"
    >
      <div className="flex h-full flex-col lg:absolute lg:inset-0">
        <div className="flex items-start gap-2 border-b border-line px-4 py-3">
          <h2
            ref={headingRef}
            id={headingId}
            tabIndex={-1}
            className="min-w-0 flex-1 text-base font-semibold tracking-tight break-words text-ink"
          >
            {title}
          </h2>
          <button
            type="button"
            onClick={props.onClose}
            className="-mr-1 flex size-8 shrink-0 items-center justify-center rounded-md text-muted hover:bg-subtle hover:text-ink"
          >
            <XIcon className="size-4" />
            <span className="sr-only">Close the details (Escape)</span>
          </button>
        </div>
        {tabbed && (
          <Tabs
            label="Item sections"
            prefix={tabsId}
            value={tab}
            onChange={(next) => {
              lastPanelTab = next;
              setTab(next);
            }}
            tabs={[
              { id: "details", label: "Details" },
              { id: "comments", label: <CommentsTabLabel summary={feedback} /> },
              { id: "history", label: "History" },
            ]}
          />
        )}
        {shownTab === "comments" && live && (
          <div {...tabPanelProps(tabsId, "comments")} className="flex min-h-0 flex-1 flex-col">
            <CommentsSection
              roadmapId={props.roadmapId}
              itemId={live.id}
              role={board.role}
              members={props.members}
              itemLabel={live.kind}
            />
          </div>
        )}
        {shownTab === "history" && live && (
          <div
            {...tabPanelProps(tabsId, "history")}
            tabIndex={0}
            className="min-h-0 flex-1 overflow-y-auto px-4 py-4 focus-visible:-outline-offset-2"
          >
            <ItemHistory roadmapId={props.roadmapId} itemId={live.id} />
          </div>
        )}
        {shownTab === "details" && (
          <div
            {...(tabbed && tabPanelProps(tabsId, "details"))}
            className="relative min-h-0 flex-1 overflow-y-auto px-4 py-4"
          >
            {target.mode === "edit" && !live ? (
              <Alert tone="info">
                This item was deleted. Close the panel, or undo the delete from its message.
              </Alert>
            ) : !canEdit && live ? (
              <ItemReadOnly
                item={live}
                role={board.role}
                entry={props.entry}
                board={board}
                members={props.members}
                dt={dt}
                onSelectItem={props.onSelectItem}
              />
            ) : (
              <div className="flex flex-col gap-4">
                {live && <ItemPhaseLine roadmapId={props.roadmapId} startDate={live.startDate} />}
                {live && <ScheduleSummary item={live} entry={props.entry} dt={dt} />}
                {conflict && (
                  <Alert
                    tone="warning"
                    title="Someone else changed this item while you were editing"
                    actions={
                      <>
                        <Button
                          size="sm"
                          variant="primary"
                          loading={saving}
                          onClick={() => save({ against: conflict })}
                        >
                          Apply my change again
                        </Button>
                        <Button size="sm" variant="secondary" onClick={discard}>
                          Discard my change
                        </Button>
                      </>
                    }
                  >
                    <ChangedBy
                      roadmapId={props.roadmapId}
                      itemId={conflict.id}
                      sinceVersion={base?.version ?? conflict.version - 1}
                    />
                    <ConflictSummary
                      mine={values}
                      base={base}
                      current={conflict}
                      board={board}
                      members={props.members}
                      dt={dt}
                    />
                  </Alert>
                )}
                <form
                  ref={formRef}
                  id={formId}
                  noValidate
                  onSubmit={(e: FormEvent) => {
                    e.preventDefault();
                    if (!saving) void save(conflict ? { against: conflict } : {});
                  }}
                  className="flex flex-col gap-4"
                >
                  {formError && <Alert tone="error">{formError}</Alert>}
                  <ItemFields
                    values={values}
                    set={set}
                    errors={errors}
                    lanes={board.workstreams}
                    members={props.members}
                    horizon={props.horizon}
                    teamId={board.roadmap.teamId}
                  />
                </form>
                {live && (
                  <ItemDependencies
                    item={live}
                    board={board}
                    canEdit={canEdit}
                    onLink={props.onLink}
                    onUnlink={props.onUnlink}
                    onSelectItem={props.onSelectItem}
                  />
                )}
                {target.mode === "create" && (
                  <p className="text-[13px] text-muted">
                    Add the item first; then you can link it to others here.
                  </p>
                )}
              </div>
            )}
          </div>
        )}
        {shownTab === "details" && canEdit && (target.mode === "create" || live) && (
          <div className="flex flex-wrap items-center gap-2 border-t border-line bg-surface px-4 py-3 lg:rounded-b-lg">
            <Button type="submit" form={formId} variant="primary" loading={saving}>
              {target.mode === "create" ? `Add ${values.kind}` : "Save changes"}
            </Button>
            <Button variant="secondary" onClick={props.onClose}>
              {target.mode === "create" ? "Cancel" : "Close"}
            </Button>
            <span role="status" className="text-[13px] text-success-800">
              {saved ? "Saved." : ""}
            </span>
            {live && (
              <Button
                variant="danger-ghost"
                className="ml-auto"
                icon={<TrashIcon className="size-4" />}
                onClick={() => props.onDelete(live.id)}
              >
                Delete
              </Button>
            )}
          </div>
        )}
      </div>
    </aside>
  );
}

function ConflictSummary({
  mine,
  base,
  current,
  board,
  members,
  dt,
}: {
  mine: ItemFormValues;
  base: Item | undefined;
  current: Item;
  board: Board;
  members: Member[];
  dt: DateText;
}) {
  const theirs = valuesOf(current);
  const fields = base ? differingFields(theirs, valuesOf(base)) : differingFields(theirs, mine);
  const skillNames = useSkills(board.roadmap.teamId).data ?? [];
  const show = (field: keyof ItemFormValues, v: ItemFormValues): string => {
    const value = v[field];
    if (field === "skills")
      return (
        v.skills
          .map((s) => `${skillNames.find((k) => k.id === s.skillId)?.name ?? "a skill"} ${s.hours} h`)
          .join(", ") || "none"
      );
    if (field === "workstreamId") return board.workstreams.find((w) => w.id === value)?.name ?? "no lane";
    if (field === "ownerId") return members.find((m) => m.user.id === value)?.user.name ?? "nobody";
    if (field === "status") return STATUS_INFO[v.status].label;
    if (field === "kind") return v.kind === "milestone" ? "Milestone" : "Feature";
    if ((field === "startDate" || field === "endDate") && typeof value === "string" && value)
      return dt.date(value);
    if (typeof value === "boolean") return value ? "yes" : "no";
    return String(value) || "empty";
  };
  const baseValues = base ? valuesOf(base) : theirs;
  const yours = differingFields(mine, baseValues);
  return (
    <div className="flex flex-col gap-1">
      <p>They changed:</p>
      {fields.length > 0 ? (
        <ul className="list-disc pl-5">
          {fields.map((f) => (
            <li key={f}>
              {FIELD_LABELS[f] ?? f}: <strong>{show(f, theirs)}</strong>
              {yours.includes(f) && <span> (yours: {show(f, mine)})</span>}
            </li>
          ))}
        </ul>
      ) : (
        <p>None of the fields here, or they saved the same values.</p>
      )}
      {yours.length > 0 && (
        <p>
          Your change, still in the form: {yours.map((f) => FIELD_LABELS[f] ?? f).join(", ")}. Apply it on top
          of their version, or discard it.
        </p>
      )}
    </div>
  );
}

/** "Comments" with the item's strongest verdict and the number of comments, as on its bar. */
function CommentsTabLabel({ summary }: { summary: FeedbackSummary | undefined }) {
  return (
    <>
      Comments
      <FeedbackBadge summary={summary} showCount />
    </>
  );
}
