"use client";

import { useId, useMemo, useState, type FormEvent } from "react";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { PlusIcon, XIcon } from "@/components/ui/icons";
import { Input } from "@/components/ui/input";
import { Select } from "@/components/ui/select";
import type { Board } from "@/lib/client/timeline";
import { createDependencySchema, type Dependency, type Item } from "@/lib/validation/timeline";
import { kindLabel } from "./describe";

function lagLabel(lag: number): string {
  if (lag === 0) return "no lag";
  return lag > 0 ? `+${lag} working days lag` : `${Math.abs(lag)} working days lead`;
}

function LinkList({
  title,
  empty,
  links,
  otherEnd,
  board,
  canEdit,
  onUnlink,
  onSelectItem,
}: {
  title: string;
  empty: string;
  links: Dependency[];
  otherEnd: (d: Dependency) => string;
  board: Board;
  canEdit: boolean;
  onUnlink: (d: Dependency) => void;
  onSelectItem: (id: string) => void;
}) {
  const byId = (id: string) => board.items.find((i) => i.id === id);
  return (
    <div>
      <h4 className="text-[13px] font-medium text-ink">{title}</h4>
      {links.length === 0 ? (
        <p className="mt-1 text-[13px] text-muted">{empty}</p>
      ) : (
        <ul className="mt-1.5 flex flex-col gap-1">
          {links.map((d) => {
            const other = byId(otherEnd(d));
            return (
              <li
                key={d.id}
                className="flex items-center gap-2 rounded-md border border-line bg-canvas px-2 py-1"
              >
                <button
                  type="button"
                  onClick={() => onSelectItem(otherEnd(d))}
                  className="min-h-6 min-w-0 flex-1 truncate text-left text-[13px] text-ink hover:underline"
                >
                  {other ? other.title : "Unknown item"}
                  <span className="text-muted"> · {lagLabel(d.lagDays)}</span>
                </button>
                {canEdit && (
                  <button
                    type="button"
                    onClick={() => onUnlink(d)}
                    className="flex size-7 shrink-0 items-center justify-center rounded text-muted hover:bg-danger-50 hover:text-danger-700"
                  >
                    <XIcon className="size-3.5" />
                    <span className="sr-only">Remove the link with {other?.title ?? "this item"}</span>
                  </button>
                )}
              </li>
            );
          })}
        </ul>
      )}
    </div>
  );
}

/** The item's predecessors and successors (finish-to-start, with lag), and a form to add one. */
export function ItemDependencies({
  item,
  board,
  canEdit,
  onLink,
  onUnlink,
  onSelectItem,
}: {
  item: Item;
  board: Board;
  canEdit: boolean;
  onLink: (fromId: string, toId: string, lagDays: number) => Promise<boolean>;
  onUnlink: (dependencyId: string) => Promise<boolean>;
  onSelectItem: (id: string) => void;
}) {
  const [direction, setDirection] = useState<"before" | "after">("before");
  const [otherId, setOtherId] = useState("");
  const [lag, setLag] = useState("0");
  const [errors, setErrors] = useState<{ other?: string; lag?: string }>({});
  const [pending, setPending] = useState(false);
  const headingId = useId();

  const predecessors = board.dependencies.filter((d) => d.toId === item.id);
  const successors = board.dependencies.filter((d) => d.fromId === item.id);
  const candidates = useMemo(
    () =>
      board.items
        .filter((i) => i.id !== item.id)
        .sort((a, b) => a.title.localeCompare(b.title, undefined, { sensitivity: "base" })),
    [board.items, item.id],
  );

  async function add(event: FormEvent) {
    event.preventDefault();
    if (!otherId) {
      setErrors({ other: "Choose the item to link with." });
      return;
    }
    const input = {
      fromId: direction === "before" ? otherId : item.id,
      toId: direction === "before" ? item.id : otherId,
      lagDays: lag.trim() === "" ? 0 : Number(lag),
    };
    const parsed = createDependencySchema.safeParse(input);
    if (!parsed.success) {
      const lagIssue = parsed.error.issues.find((i) => i.path[0] === "lagDays");
      setErrors({ lag: lagIssue?.message, other: lagIssue ? undefined : parsed.error.issues[0]?.message });
      return;
    }
    setErrors({});
    setPending(true);
    const ok = await onLink(parsed.data.fromId, parsed.data.toId, parsed.data.lagDays ?? 0);
    setPending(false);
    if (ok) {
      setOtherId("");
      setLag("0");
    }
  }

  return (
    <section aria-labelledby={headingId} className="flex flex-col gap-3 border-t border-line pt-4">
      <h3 id={headingId} className="text-sm font-semibold text-ink">
        Dependencies
      </h3>
      <LinkList
        title="Waits for (predecessors)"
        empty="Nothing: it can start at the roadmap's start."
        links={predecessors}
        otherEnd={(d) => d.fromId}
        board={board}
        canEdit={canEdit}
        onUnlink={(d) => void onUnlink(d.id)}
        onSelectItem={onSelectItem}
      />
      <LinkList
        title="Needed by (successors)"
        empty="Nothing waits for it."
        links={successors}
        otherEnd={(d) => d.toId}
        board={board}
        canEdit={canEdit}
        onUnlink={(d) => void onUnlink(d.id)}
        onSelectItem={onSelectItem}
      />
      {canEdit && (
        <form
          noValidate
          onSubmit={add}
          className="flex flex-col gap-2.5 rounded-lg border border-line bg-canvas/60 p-3"
        >
          <Field label="Add a link">
            {(control) => (
              <Select
                {...control}
                value={direction}
                onChange={(e) => setDirection(e.target.value as "before" | "after")}
              >
                <option value="before">This item waits for…</option>
                <option value="after">This item is needed by…</option>
              </Select>
            )}
          </Field>
          <Field label="Other item" hideLabel error={errors.other}>
            {(control) => (
              <Select {...control} value={otherId} onChange={(e) => setOtherId(e.target.value)}>
                <option value="">Choose an item</option>
                {candidates.map((c) => (
                  <option key={c.id} value={c.id}>
                    {c.title} ({kindLabel(c).toLowerCase()})
                  </option>
                ))}
              </Select>
            )}
          </Field>
          <div className="flex items-end gap-2">
            <Field
              label="Lag (working days)"
              error={errors.lag}
              hint="Negative: a lead, the two overlap."
              className="flex-1"
            >
              {(control) => (
                <Input
                  {...control}
                  inputMode="numeric"
                  value={lag}
                  onChange={(e) => setLag(e.target.value)}
                />
              )}
            </Field>
            <Button
              type="submit"
              variant="secondary"
              loading={pending}
              icon={<PlusIcon className="size-4" />}
              className="mb-[26px]"
            >
              Link
            </Button>
          </div>
        </form>
      )}
    </section>
  );
}
