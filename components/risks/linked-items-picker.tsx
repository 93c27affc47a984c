"use client";

import { useId, useMemo, useState } from "react";
import { useDateText } from "@/lib/client/dates";
import { FieldError } from "@/components/ui/field";
import { XIcon } from "@/components/ui/icons";
import { Input } from "@/components/ui/input";
import type { Item } from "@/lib/validation/timeline";

/** At most this many matches are listed; typing narrows them. */
const SHOWN = 60;

/**
 * Picks the roadmap items a risk threatens: the chosen ones as removable chips, and a filterable
 * list of checkboxes (features and milestones, in date order).
 */
export function LinkedItemsPicker({
  items,
  value,
  onChange,
  error,
}: {
  items: Item[];
  value: string[];
  onChange: (itemIds: string[]) => void;
  error?: string;
}) {
  const id = useId();
  const dt = useDateText();
  const [filter, setFilter] = useState("");
  const byId = useMemo(() => new Map(items.map((i) => [i.id, i])), [items]);
  const sorted = useMemo(
    () => [...items].sort((a, b) => a.startDate.localeCompare(b.startDate) || a.title.localeCompare(b.title)),
    [items],
  );
  const needle = filter.trim().toLowerCase();
  const matches = needle ? sorted.filter((i) => i.title.toLowerCase().includes(needle)) : sorted;
  const chosen = new Set(value);

  function toggle(itemId: string, on: boolean) {
    onChange(on ? [...value, itemId] : value.filter((v) => v !== itemId));
  }

  const dateOf = (item: Item) =>
    item.kind === "milestone" ? dt.date(item.startDate) : dt.range(item.startDate, item.endDate);

  return (
    <fieldset className="flex min-w-0 flex-col gap-2" aria-describedby={error ? `${id}-error` : undefined}>
      <legend className="mb-1.5 text-[13px] font-medium text-ink">
        Linked items <span className="font-normal text-muted">(the work it threatens)</span>
      </legend>
      {value.length > 0 ? (
        <ul className="flex flex-wrap gap-1.5" aria-label="Chosen items">
          {value.map((itemId) => (
            <li
              key={itemId}
              className="inline-flex max-w-full items-center gap-1 rounded-full bg-accent-50 py-0.5 pr-1 pl-2.5 text-xs text-accent-800 ring-1 ring-accent-200"
            >
              <span className="truncate">
                {byId.get(itemId)?.title ?? "An item no longer on the roadmap"}
              </span>
              <button
                type="button"
                onClick={() => toggle(itemId, false)}
                className="flex size-5 shrink-0 items-center justify-center rounded-full hover:bg-accent-100"
              >
                <XIcon className="size-3" />
                <span className="sr-only">Unlink {byId.get(itemId)?.title ?? "this item"}</span>
              </button>
            </li>
          ))}
        </ul>
      ) : (
        <p className="text-xs text-muted">None chosen yet.</p>
      )}
      <Input
        type="search"
        aria-label="Find items to link"
        placeholder="Find an item…"
        value={filter}
        onChange={(e) => setFilter(e.target.value)}
        className="h-8"
      />
      <ul
        className="max-h-52 overflow-y-auto rounded-md border border-line bg-surface py-1"
        aria-label="Roadmap items"
      >
        {matches.slice(0, SHOWN).map((item) => (
          <li key={item.id}>
            <label className="flex min-h-8 cursor-pointer items-center gap-2.5 px-2.5 py-1 text-[13px] hover:bg-subtle">
              <input
                type="checkbox"
                checked={chosen.has(item.id)}
                onChange={(e) => toggle(item.id, e.target.checked)}
                className="size-4 shrink-0 accent-accent-700"
              />
              {item.kind === "milestone" && (
                <span
                  aria-hidden="true"
                  className="ml-0.5 inline-block size-2 shrink-0 rotate-45 border-[1.5px] border-ink-soft"
                />
              )}
              <span className="min-w-0 flex-1 truncate text-ink">{item.title}</span>
              <span className="shrink-0 text-xs text-muted">
                <span className="sr-only">
                  {item.kind === "milestone" ? ", milestone on " : ", feature, "}
                </span>
                {dateOf(item)}
              </span>
            </label>
          </li>
        ))}
        {matches.length === 0 && (
          <li className="px-2.5 py-2 text-[13px] text-muted">No item matches “{filter}”.</li>
        )}
        {matches.length > SHOWN && (
          <li className="px-2.5 py-2 text-xs text-muted">
            {matches.length - SHOWN} more: type part of a title to find them.
          </li>
        )}
      </ul>
      {error && <FieldError id={`${id}-error`}>{error}</FieldError>}
    </fieldset>
  );
}
