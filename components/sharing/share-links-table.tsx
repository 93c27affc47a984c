"use client";

import { ConfirmButton } from "@/components/ui/confirm-button";
import { cx } from "@/components/ui/cx";
import { LocalDate } from "@/components/ui/local-date";
import { RelativeTime } from "@/components/ui/relative-time";
import { useRevokeShareLink, type ShareLink } from "@/lib/client/sharing";
import { AUDIENCE_LABELS } from "./audiences";
import { ShareLinkStatus } from "./share-link-status";

const th = "px-3 py-2.5 font-medium";

/** Every link of the roadmap, newest first, with who made it and whether it still opens. */
export function ShareLinksTable({ roadmapId, links }: { roadmapId: string; links: ShareLink[] }) {
  return (
    <div className="relative overflow-x-auto">
      <table className="w-full min-w-[20rem] border-t border-line text-sm">
        <caption className="sr-only">Share links of this roadmap</caption>
        <thead className="bg-canvas/70 text-left text-xs text-muted">
          <tr>
            <th scope="col" className={cx(th, "pl-5 sm:pl-6")}>
              Audience
            </th>
            <th scope="col" className={th}>
              Status
            </th>
            <th scope="col" className={cx(th, "max-md:hidden")}>
              Expires
            </th>
            <th scope="col" className={cx(th, "max-md:hidden")}>
              Last opened
            </th>
            <th scope="col" className={cx(th, "max-lg:hidden")}>
              Created by
            </th>
            <th scope="col" className={cx(th, "pr-5 sm:pr-6")}>
              <span className="sr-only">Actions</span>
            </th>
          </tr>
        </thead>
        <tbody className="divide-y divide-line border-t border-line">
          {links.map((link) => (
            <ShareLinkRow key={link.id} roadmapId={roadmapId} link={link} />
          ))}
        </tbody>
      </table>
    </div>
  );
}

function ShareLinkRow({ roadmapId, link }: { roadmapId: string; link: ShareLink }) {
  const revoke = useRevokeShareLink(roadmapId);
  const label = AUDIENCE_LABELS[link.audience];
  const muted = link.status !== "active";
  return (
    <tr className={cx(muted && "text-muted")}>
      <td className="py-3 pr-3 pl-5 sm:pl-6">
        <div className={cx("font-medium", muted ? "text-ink-soft" : "text-ink")}>{label}</div>
        <div className="mt-0.5 font-mono text-xs text-muted">…{link.tokenHint}</div>
        <div className="mt-1 text-xs text-muted md:hidden">
          {link.status === "expired" ? "Expired" : "Expires"} <LocalDate value={link.expiresAt} />
          {" · "}
          {link.lastUsedAt ? (
            <>
              opened <RelativeTime value={link.lastUsedAt} />
            </>
          ) : (
            "never opened"
          )}
        </div>
      </td>
      <td className="px-3 py-3">
        <ShareLinkStatus status={link.status} />
      </td>
      <td className="px-3 py-3 text-[13px] whitespace-nowrap text-ink-soft max-md:hidden">
        <LocalDate value={link.expiresAt} style="dateTime" />
      </td>
      <td className="px-3 py-3 text-[13px] whitespace-nowrap text-ink-soft max-md:hidden">
        {link.lastUsedAt ? <RelativeTime value={link.lastUsedAt} /> : "Never"}
      </td>
      <td className="px-3 py-3 text-[13px] text-ink-soft max-lg:hidden">
        {link.createdBy?.name ?? "A former member"}
        <div className="text-xs text-muted">
          <LocalDate value={link.createdAt} />
        </div>
      </td>
      <td className="py-3 pr-5 pl-3 text-right sm:pr-6">
        {link.status === "active" && (
          <ConfirmButton
            variant="danger-ghost"
            size="sm"
            title={`Revoke this ${label.toLowerCase()} link?`}
            description="Anyone who opens it from now on sees that it was revoked. This cannot be undone; you can create a new link instead."
            confirmLabel="Revoke link"
            onConfirm={() => revoke.mutateAsync(link)}
          >
            Revoke
            <span className="sr-only">
              {" "}
              the {label.toLowerCase()} link ending {link.tokenHint}
            </span>
          </ConfirmButton>
        )}
      </td>
    </tr>
  );
}
