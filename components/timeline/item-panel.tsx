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
import { ItemHistory } from "@/components/activity/item-history";
import { CommentsSection } from "@/components/comments/comments-section";
import { VerdictBadge } from "@/components/comments/verdict-badge";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { TrashIcon, XIcon } from "@/components/ui/icons";
import { Tabs, tabPanelProps } from "@/components/ui/tabs";
import type { Board } from "@/lib/client/timeline";
import type { FeedbackSummary } from "@/lib/validation/collaboration";
import type { Member } from "@/lib/validation/teams";
import type { Item } from "@/lib/validation/timeline";
import type { DateText } from "@/lib/client/dates";
import { kindLabel } from "./describe";
import { ConflictAlert } from "./item-conflict";
import { ItemDependencies } from "./item-dependencies";
import { ItemWork } from "./item-time-entries";
import { ItemFields } from "./item-fields";
import { ItemReadOnly, ScheduleSummary } from "./item-read-only";
import { ItemPhaseLine } from "./phase-of-item";
import type { ScheduleEntry } from "./timeline-item";
import { useItemForm, type PanelTarget } from "./use-item-form";

export type { PanelTarget };

export type PanelTab = "details" | "comments" | "history";

/** The section last chosen: opening the next item keeps the reader where they were (e.g. reviewing comments). */
let lastPanelTab: PanelTab = "details";

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

/**
 * The item's details in a side panel beside the timeline (not a modal: the timeline stays usable).
 * Editors get the form, validated with the API's own schema before sending; a refusal keeps every
 * value typed. A 412 shows what changed meanwhile and offers to apply the change again or discard it.
 */
export function ItemPanel(props: ItemPanelProps) {
  const { target, board, canEdit, dt } = props;
  const live = target.mode === "edit" ? board.items.find((i) => i.id === target.itemId) : undefined;
  const { values, set, errors, formError, conflict, base, saved, saving, save, discard, formRef } =
    useItemForm({
      roadmapId: props.roadmapId,
      target,
      board,
      live,
      onCreated: props.onCreated,
    });
  const [tab, setTab] = useState<PanelTab>(() => lastPanelTab);
  const headingId = useId();
  const formId = useId();
  const tabsId = useId();
  const headingRef = useRef<HTMLHeadingElement>(null);

  useEffect(() => {
    if (target.mode === "create")
      formRef.current?.querySelector<HTMLInputElement>('input:not([type="radio"])')?.focus();
    else headingRef.current?.focus();
  }, [target, formRef]);

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

  // Actual dates, remaining hours and the hours logged: read-only below the details, or editable.
  const work = live && (
    <ItemWork roadmapId={props.roadmapId} item={live} canEdit={canEdit} members={props.members} dt={dt} />
  );

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
            // Read-only details hold no control: the scrolling region itself takes the keyboard.
            tabIndex={canEdit ? undefined : 0}
            className="relative min-h-0 flex-1 overflow-y-auto px-4 py-4 focus-visible:-outline-offset-2"
          >
            {target.mode === "edit" && !live ? (
              <Alert tone="info">
                This item was deleted. Close the panel, or undo the delete from its message.
              </Alert>
            ) : !canEdit && live ? (
              <div className="flex flex-col gap-5">
                <ItemReadOnly
                  item={live}
                  role={board.role}
                  entry={props.entry}
                  board={board}
                  members={props.members}
                  dt={dt}
                  onSelectItem={props.onSelectItem}
                />
                {work}
              </div>
            ) : (
              <div className="flex flex-col gap-4">
                {live && <ItemPhaseLine roadmapId={props.roadmapId} startDate={live.startDate} />}
                {live && <ScheduleSummary item={live} entry={props.entry} dt={dt} />}
                {conflict && (
                  <ConflictAlert
                    roadmapId={props.roadmapId}
                    conflict={conflict}
                    base={base}
                    mine={values}
                    board={board}
                    members={props.members}
                    dt={dt}
                    saving={saving}
                    onApplyAgain={() => save({ against: conflict })}
                    onDiscard={discard}
                  />
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
                {work}
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

/** "Comments" with the item's strongest verdict and the number of comments, as on its bar. */
function CommentsTabLabel({ summary }: { summary: FeedbackSummary | undefined }) {
  return (
    <>
      Comments
      <VerdictBadge summary={summary} showCount />
    </>
  );
}
