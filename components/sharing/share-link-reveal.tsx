"use client";

import { useSyncExternalStore } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { CopyField } from "@/components/ui/copy-field";
import { LocalDate } from "@/components/ui/local-date";
import type { Audience } from "@/lib/validation/communication";
import { AUDIENCE_LABELS } from "./audiences";

const noSubscription = () => () => {};

/** The page's origin once in the browser ("" while server-rendered). */
export function useOrigin(): string {
  return useSyncExternalStore(
    noSubscription,
    () => window.location.origin,
    () => "",
  );
}

/** A path the API answered ("/share/…") as a full address someone can open from an email. */
export function absoluteUrl(url: string, origin: string): string {
  return url.startsWith("/") ? `${origin}${url}` : url;
}

/** The public calendar feed that goes with a share link: /share/<token> -> /api/share/<token>/calendar.ics. */
export function sharedCalendarUrl(shareUrl: string): string {
  return shareUrl.replace(/\/share\/([^/?#]+).*$/, "/api/share/$1/calendar.ics");
}

/** The new link, shown this once: the token in it is stored only as a fingerprint. */
export function ShareLinkReveal({
  url,
  audience,
  expiresAt,
  onDone,
}: {
  url: string;
  audience: Audience;
  expiresAt: string;
  onDone: () => void;
}) {
  const origin = useOrigin();
  return (
    <div className="flex flex-col gap-4">
      <Alert tone="success" title={`${AUDIENCE_LABELS[audience]} link ready`}>
        Anyone with this link can read the {AUDIENCE_LABELS[audience].toLowerCase()} view without signing in
        until <LocalDate value={expiresAt} style="dateTime" />.{" "}
        <strong className="font-semibold">You won’t see this link again:</strong> copy it now.
      </Alert>
      <div className="flex flex-col gap-1.5">
        <p className="text-[13px] font-medium text-ink">Share link</p>
        <CopyField value={absoluteUrl(url, origin)} label="Share link" />
      </div>
      <div className="flex flex-col gap-1.5">
        <p className="text-[13px] font-medium text-ink">Its calendar feed</p>
        <CopyField value={absoluteUrl(sharedCalendarUrl(url), origin)} label="Public calendar feed" />
        <p className="text-[13px] leading-5 text-muted">
          Reviews and key milestones for a calendar app; it stops with the link.
        </p>
      </div>
      <div>
        <Button variant="secondary" onClick={onDone}>
          Done
        </Button>
      </div>
    </div>
  );
}
