"use client";

import type { ReactNode } from "react";
import { useDateText, type DateText } from "@/components/timeline/dates";
import { Badge } from "@/components/ui/badge";
import { ButtonLink } from "@/components/ui/button-link";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { cx } from "@/components/ui/cx";
import { ArrowRightIcon, FlagIcon, RoadmapIcon } from "@/components/ui/icons";
import { LocalDate } from "@/components/ui/local-date";
import { LoadError, LoadingStatus } from "@/components/ui/query-state";
import { Skeleton } from "@/components/ui/skeleton";
import { useDiff, useSnapshots, type DiffResponse, type DiffSide } from "@/lib/client/reviews";
import type { DiffItemRef, RoadmapDiff } from "@/lib/validation/communication";
import { ComparePicker } from "./compare-picker";
import {
  criticalPathChanges,
  dayShift,
  diffFieldLabel,
  diffValue,
  hasChanges,
  linkText,
  summaryLine,
  timelineCompareHref,
} from "./review-text";

function Section({
  id,
  title,
  count,
  children,
}: {
  id: string;
  title: string;
  count?: number;
  children: ReactNode;
}) {
  return (
    <section aria-labelledby={id} className="border-t border-line pt-5 first:border-t-0 first:pt-0">
      <h2 id={id} className="mb-3 flex items-center gap-2 text-[15px] font-semibold tracking-tight text-ink">
        {title}
        {count !== undefined && <Badge>{count}</Badge>}
      </h2>
      {children}
    </section>
  );
}

function ItemName({
  item,
  struck = false,
}: {
  item: Pick<DiffItemRef, "title" | "isKey" | "kind">;
  struck?: boolean;
}) {
  return (
    <span className="inline-flex min-w-0 items-center gap-1.5">
      {item.isKey && (
        <>
          <FlagIcon className="size-3.5 shrink-0 text-accent-800" />
          <span className="sr-only">Key {item.kind}:</span>
        </>
      )}
      <span className={cx("font-medium text-ink", struck && "text-muted line-through")}>{item.title}</span>
    </span>
  );
}

function dates(item: { kind: string; startDate: string; endDate: string }, dt: DateText): string {
  return item.kind === "milestone" ? dt.date(item.startDate) : dt.range(item.startDate, item.endDate);
}

/** "+14 days" for a plain move, "start +14 days, end +20 days" when the length changed too. */
function shiftText(m: RoadmapDiff["items"]["moved"][number]): string {
  if (m.kind === "milestone" || m.startDays === m.endDays) return dayShift(m.startDays);
  return `start ${dayShift(m.startDays)}, end ${dayShift(m.endDays)}`;
}

function ItemList({ items, struck, dt }: { items: DiffItemRef[]; struck?: boolean; dt: DateText }) {
  return (
    <ul className="flex flex-col gap-1.5 text-sm">
      {items.map((item) => (
        <li key={item.id} className="flex flex-wrap items-baseline gap-x-2">
          {struck && <span className="sr-only">Removed:</span>}
          <ItemName item={item} struck={struck} />
          <span className="text-[13px] text-muted">
            {dates(item, dt)}
            {item.workstream && ` · ${item.workstream}`}
          </span>
        </li>
      ))}
    </ul>
  );
}

function Moved({ moved, dt }: { moved: RoadmapDiff["items"]["moved"]; dt: DateText }) {
  return (
    <div className="overflow-x-auto">
      <table className="w-full text-[13px] sm:text-sm">
        <caption className="sr-only">Items whose dates changed, largest move first</caption>
        <thead>
          <tr className="border-b border-line text-left text-xs text-muted">
            <th scope="col" className="py-2 pr-3 font-medium">
              Item
            </th>
            <th scope="col" className="py-2 pr-3 font-medium">
              Was
            </th>
            <th scope="col" className="py-2 pr-3 font-medium">
              Now
            </th>
            <th scope="col" className="py-2 text-right font-medium">
              Moved
            </th>
          </tr>
        </thead>
        <tbody>
          {moved.map((m) => (
            <tr key={m.id} className="border-b border-line last:border-b-0" data-moved-item={m.title}>
              <th scope="row" className="py-2 pr-3 text-left font-normal">
                <ItemName item={m} />
              </th>
              <td className="py-2 pr-3 text-muted">
                {dates({ ...m, startDate: m.fromStart, endDate: m.fromEnd }, dt)}
              </td>
              <td className="py-2 pr-3 text-ink">{dates(m, dt)}</td>
              <td
                className={cx(
                  "py-2 text-right font-medium whitespace-nowrap tabular-nums",
                  m.startDays > 0 || m.endDays > 0 ? "text-warning-800" : "text-success-800",
                )}
              >
                {shiftText(m)}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function FieldChanges({
  changed,
  itemTitle,
}: {
  changed: { id: string; title: string; fields: { field: string; from: unknown; to: unknown }[] }[];
  itemTitle: (id: string) => string;
}) {
  return (
    <ul className="flex flex-col gap-3 text-sm">
      {changed.map((c) => (
        <li key={c.id}>
          <p className="font-medium text-ink">{c.title}</p>
          <dl className="mt-1 grid grid-cols-[auto_minmax(0,1fr)] gap-x-3 gap-y-0.5 text-[13px]">
            {c.fields.map((f) => (
              <div key={f.field} className="contents">
                <dt className="text-muted">{diffFieldLabel(f.field)}</dt>
                <dd className="break-words text-ink">
                  <span className="text-muted">{diffValue(f.field, f.from, itemTitle)}</span>
                  <ArrowRightIcon className="mx-1.5 inline size-3.5 text-muted" aria-label="changed to" />
                  {diffValue(f.field, f.to, itemTitle)}
                </dd>
              </div>
            ))}
          </dl>
        </li>
      ))}
    </ul>
  );
}

function CriticalPaths({ path }: { path: RoadmapDiff["criticalPath"] }) {
  const { joined, left } = criticalPathChanges(path);
  const list = (
    items: { id: string; title: string }[],
    marked: Set<string>,
    mark: string,
    tone: "success" | "warning",
  ) =>
    items.length === 0 ? (
      <p className="text-sm text-muted">None (no dependencies between items)</p>
    ) : (
      <ol className="flex list-decimal flex-col gap-1 pl-5 text-sm text-ink">
        {items.map((i) => (
          <li key={i.id}>
            {i.title} {marked.has(i.id) && <Badge tone={tone}>{mark}</Badge>}
          </li>
        ))}
      </ol>
    );
  return (
    <div className="grid gap-5 sm:grid-cols-2">
      <div>
        <h3 className="mb-1.5 text-[13px] font-medium text-muted">Before</h3>
        {list(path.before, left, "left the path", "success")}
      </div>
      <div>
        <h3 className="mb-1.5 text-[13px] font-medium text-muted">After</h3>
        {list(path.after, joined, "joined the path", "warning")}
      </div>
    </div>
  );
}

/** The changes of a diff, section by section (moved, added, removed, fields, links, risks, path). */
export function ChangeDetails({ diff, emptyText }: { diff: RoadmapDiff; emptyText: string }) {
  const dt = useDateText();
  const titles = new Map<string, string>();
  for (const list of [diff.items.added, diff.items.removed, diff.items.moved, diff.items.changed])
    for (const item of list) titles.set(item.id, item.title);
  const itemTitle = (id: string) => titles.get(id) ?? "an item";
  const pathChanged =
    diff.criticalPath.before.map((i) => i.id).join() !== diff.criticalPath.after.map((i) => i.id).join();
  const links = diff.dependencies;
  const risks = diff.risks;
  return hasChanges(diff) ? (
    <Card>
      <CardBody className="flex flex-col gap-6">
        {diff.items.moved.length > 0 && (
          <Section id="moved-title" title="Moved" count={diff.items.moved.length}>
            <Moved moved={diff.items.moved} dt={dt} />
          </Section>
        )}
        {diff.items.added.length > 0 && (
          <Section id="added-title" title="Added" count={diff.items.added.length}>
            <ItemList items={diff.items.added} dt={dt} />
          </Section>
        )}
        {diff.items.removed.length > 0 && (
          <Section id="removed-title" title="Removed or cut" count={diff.items.removed.length}>
            <ItemList items={diff.items.removed} struck dt={dt} />
          </Section>
        )}
        {diff.items.changed.length > 0 && (
          <Section id="changed-title" title="Changed fields" count={diff.items.changed.length}>
            <FieldChanges changed={diff.items.changed} itemTitle={itemTitle} />
          </Section>
        )}
        {links.added.length + links.removed.length > 0 && (
          <Section id="links-title" title="Dependencies" count={links.added.length + links.removed.length}>
            <ul className="flex flex-col gap-1 text-sm">
              {links.added.map((l) => (
                <li key={`+${l.fromId}>${l.toId}`} className="flex items-baseline gap-2">
                  <Badge tone="success">Added</Badge>
                  {linkText(l)}
                </li>
              ))}
              {links.removed.map((l) => (
                <li key={`-${l.fromId}>${l.toId}`} className="flex items-baseline gap-2">
                  <Badge tone="danger">Removed</Badge>
                  <span className="text-muted line-through">{linkText(l)}</span>
                </li>
              ))}
            </ul>
          </Section>
        )}
        {risks.added.length + risks.removed.length + risks.changed.length > 0 && (
          <Section
            id="risks-title"
            title="Risks"
            count={risks.added.length + risks.removed.length + risks.changed.length}
          >
            <div className="flex flex-col gap-3">
              {(risks.added.length > 0 || risks.removed.length > 0) && (
                <ul className="flex flex-col gap-1 text-sm">
                  {risks.added.map((r) => (
                    <li key={r.id} className="flex items-baseline gap-2">
                      <Badge tone="warning">New</Badge>
                      {r.title} <span className="text-[13px] text-muted">score {r.score}</span>
                    </li>
                  ))}
                  {risks.removed.map((r) => (
                    <li key={r.id} className="flex items-baseline gap-2">
                      <Badge tone="success">Removed</Badge>
                      <span className="text-muted line-through">{r.title}</span>
                    </li>
                  ))}
                </ul>
              )}
              {risks.changed.length > 0 && <FieldChanges changed={risks.changed} itemTitle={itemTitle} />}
            </div>
          </Section>
        )}
        {pathChanged && (
          <Section id="critical-title" title="Critical path">
            <CriticalPaths path={diff.criticalPath} />
          </Section>
        )}
      </CardBody>
    </Card>
  ) : (
    <p className="rounded-xl border border-dashed border-line-strong bg-surface/70 px-6 py-10 text-center text-sm text-muted">
      {emptyText}
    </p>
  );
}

function Report({ roadmapId, answer }: { roadmapId: string; answer: DiffResponse }) {
  const dt = useDateText();
  const { diff, from, to } = answer;

  return (
    <div className="flex flex-col gap-6">
      <Card aria-labelledby="report-title">
        <CardHeader
          titleId="report-title"
          title={
            <span className="flex flex-wrap items-center gap-x-2 gap-y-1">
              <span>
                “{from.label}”{" "}
                <span className="font-normal text-muted">
                  (<LocalDate value={from.at} />)
                </span>
              </span>
              <ArrowRightIcon className="size-4 text-muted" aria-label="to" />
              <span>
                {to.id === "now" ? (
                  "Now"
                ) : (
                  <>
                    “{to.label}”{" "}
                    <span className="font-normal text-muted">
                      (<LocalDate value={to.at} />)
                    </span>
                  </>
                )}
              </span>
            </span>
          }
          actions={
            from.id !== "now" &&
            to.id === "now" && (
              <ButtonLink
                size="sm"
                variant="secondary"
                icon={<RoadmapIcon className="size-4" />}
                href={timelineCompareHref(roadmapId, from.id)}
              >
                Show on timeline
              </ButtonLink>
            )
          }
        />
        <CardBody className="flex flex-col gap-3">
          <p className="text-lg font-semibold text-ink" data-summary="">
            {summaryLine(diff.summary, diff.projectFinish.days)}
          </p>
          <p className="text-sm text-ink-soft">
            Project finish: {dt.date(diff.projectFinish.before)}
            {diff.projectFinish.days !== 0 && (
              <>
                {" "}
                → <strong className="font-semibold text-ink">{dt.date(diff.projectFinish.after)}</strong> (
                {dayShift(diff.projectFinish.days)})
              </>
            )}
            {diff.projectFinish.days === 0 && " (unchanged)"}
          </p>
        </CardBody>
      </Card>

      <ChangeDetails diff={diff} emptyText="No changes: the roadmap is the same in both versions." />
    </div>
  );
}

/** The change report between two versions (from, to in the address, so that it can be linked). */
export function ChangeReport({
  roadmapId,
  from,
  to,
}: {
  roadmapId: string;
  from: DiffSide | null;
  to: DiffSide;
}) {
  const diff = useDiff(roadmapId, from, to);
  const snapshots = useSnapshots(roadmapId);

  return (
    <div className="flex flex-col gap-6">
      {snapshots.data && snapshots.data.length > 0 && (
        <Card aria-label="Versions compared">
          <CardBody className="py-4">
            <ComparePicker
              key={`${from}-${to}`}
              roadmapId={roadmapId}
              snapshots={snapshots.data}
              from={from ?? undefined}
              to={to}
            />
          </CardBody>
        </Card>
      )}
      {!from ? (
        <p className="text-sm text-muted">
          {snapshots.data?.length === 0
            ? "There are no snapshots yet: record a review or take a snapshot first."
            : "Pick the versions to compare."}
        </p>
      ) : diff.data ? (
        <Report roadmapId={roadmapId} answer={diff.data} />
      ) : diff.error ? (
        <LoadError
          title="The change report could not be made"
          error={diff.error}
          onRetry={() => diff.refetch()}
        />
      ) : (
        <LoadingStatus label="Comparing the versions…" className="flex flex-col gap-6">
          <Skeleton className="h-28 w-full" />
          <Skeleton className="h-72 w-full" />
        </LoadingStatus>
      )}
    </div>
  );
}
