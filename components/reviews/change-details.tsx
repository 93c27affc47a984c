"use client";

// The sections of a diff between two versions of a roadmap, shared by the change report and the
// scenario compare page.

import type { ReactNode } from "react";
import { useDateText } from "@/lib/client/dates";
import { Badge } from "@/components/ui/badge";
import { Card, CardBody } from "@/components/ui/card";
import type { RoadmapDiff } from "@/lib/validation/communication";
import { FieldChanges, ItemList, Moved } from "./change-items";
import { criticalPathChanges, hasChanges, linkText } from "./review-text";

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
