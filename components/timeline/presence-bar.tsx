"use client";

import { initials } from "@/components/ui/avatar";
import { Button } from "@/components/ui/button";
import { cx } from "@/components/ui/cx";
import type { LiveStatus, PresentUser } from "@/lib/client/live-events";

const VISIBLE = 4;

interface Person {
  userId: string;
  name: string;
  isMe: boolean;
  editing: string[];
}

/** One entry per person (several tabs count once), this page's person first. */
export function peopleHere(present: PresentUser[], me: string | null): Person[] {
  const byUser = new Map<string, Person>();
  for (const p of present) {
    const person = byUser.get(p.userId) ?? {
      userId: p.userId,
      name: p.name,
      isMe: p.userId === me,
      editing: [],
    };
    if (p.itemId && !person.editing.includes(p.itemId)) person.editing.push(p.itemId);
    byUser.set(p.userId, person);
  }
  return [...byUser.values()].sort((a, b) => Number(b.isMe) - Number(a.isMe));
}

function describe(person: Person, titleOf: (itemId: string) => string | undefined): string {
  const name = person.isMe ? `${person.name} (you)` : person.name;
  const titles = person.editing.map(titleOf).filter(Boolean);
  return titles.length ? `${name}, editing ${titles.map((t) => `“${t}”`).join(", ")}` : `${name}, viewing`;
}

const STATUS_TEXT: Record<LiveStatus, string> = {
  connecting: "Connecting…",
  live: "Live",
  reconnecting: "Reconnecting…",
  stopped: "Live updates stopped",
};

/** Who has the roadmap open (and what each is editing), and whether this page is receiving changes. */
export function PresenceBar({
  present,
  people: total,
  me,
  colours,
  status,
  titleOf,
  onReconnect,
}: {
  present: PresentUser[];
  /** How many people are here in all (the list may be cut short). */
  people: number;
  me: string | null;
  colours: Map<string, string>;
  status: LiveStatus;
  titleOf: (itemId: string) => string | undefined;
  onReconnect: () => void;
}) {
  const people = peopleHere(present, me);
  const shown = people.slice(0, VISIBLE);
  const hidden = people.slice(VISIBLE);
  const unlisted = Math.max(0, total - people.length);
  return (
    <div className="flex items-center gap-3">
      {people.length > 0 && (
        <ul aria-label="People on this roadmap now" className="flex items-center -space-x-1.5">
          {shown.map((person) => {
            const text = describe(person, titleOf);
            return (
              <li key={person.userId} title={text} className="relative">
                <span
                  aria-hidden="true"
                  className={cx(
                    "inline-flex size-8 items-center justify-center rounded-full text-xs font-semibold text-white ring-2",
                    person.editing.length ? "ring-accent-500" : "ring-surface",
                  )}
                  style={{ backgroundColor: colours.get(person.userId) }}
                >
                  {initials(person.name)}
                </span>
                <span className="sr-only">{text}</span>
              </li>
            );
          })}
          {hidden.length + unlisted > 0 && (
            <li
              title={hidden.map((p) => describe(p, titleOf)).join("\n")}
              className="inline-flex size-8 items-center justify-center rounded-full bg-subtle text-xs font-semibold text-ink-soft ring-2 ring-surface"
            >
              <span aria-hidden="true">+{hidden.length + unlisted}</span>
              <span className="sr-only">
                and{" "}
                {[...hidden.map((p) => describe(p, titleOf)), ...(unlisted ? [`${unlisted} more`] : [])].join(
                  "; ",
                )}
              </span>
            </li>
          )}
        </ul>
      )}
      <p role="status" className="flex items-center gap-1.5 text-[13px] text-ink-soft">
        <span
          aria-hidden="true"
          className={cx(
            "size-2 rounded-full",
            status === "live" && "bg-success-800",
            (status === "connecting" || status === "reconnecting") && "animate-pulse bg-warning-800",
            status === "stopped" && "bg-danger-600",
          )}
        />
        {STATUS_TEXT[status]}
      </p>
      {status === "stopped" && (
        <Button variant="secondary" size="sm" onClick={onReconnect}>
          Reconnect
        </Button>
      )}
    </div>
  );
}
