"use client";

import { Alert } from "@/components/ui/alert";
import { ApiError } from "@/lib/client/api";

export interface MissingHistory {
  samples: number;
  required: number;
}

/** The API's 422 not_enough_history, with its counts; null for any other outcome. */
export function notEnoughHistory(error: unknown): MissingHistory | null {
  if (!(error instanceof ApiError) || error.code !== "not_enough_history") return null;
  const details = (error.details ?? {}) as Partial<MissingHistory>;
  return { samples: Number(details.samples ?? 0), required: Number(details.required ?? 10) };
}

/** Why there is no forecast from history yet, and what would make one. */
export function NotEnoughHistory({ samples, required }: MissingHistory) {
  const short = Math.max(1, required - samples);
  return (
    <Alert tone="info" title="Not enough history for this forecast yet">
      A forecast from history needs {required} done features with actual start and finish dates and an
      estimate; this team has {samples}. Mark {short} more {short === 1 ? "feature" : "features"} done (with
      their actual dates) on any of the team’s roadmaps, or use PERT until then.
    </Alert>
  );
}
