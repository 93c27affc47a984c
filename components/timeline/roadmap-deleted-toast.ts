"use client";

import { showToast } from "@/components/ui/toasts";
import { restoreRoadmap } from "@/lib/client/roadmaps";
import type { Roadmap } from "@/lib/validation/roadmaps";

/**
 * After deleting a roadmap (the page has gone back to the team): a toast that outlives the page,
 * whose Undo restores the roadmap and returns to it.
 */
export function showRoadmapDeletedToast(deleted: Roadmap, goTo: (href: string) => void) {
  showToast({
    tone: "info",
    message: `Deleted the roadmap “${deleted.title}”.`,
    timeoutMs: 15_000,
    actions: [
      {
        label: "Undo",
        primary: true,
        onClick: () =>
          restoreRoadmap(deleted.id).then(
            () => goTo(`/roadmaps/${deleted.id}`),
            () =>
              showToast({
                tone: "error",
                message: `“${deleted.title}” could not be restored. Try again from the team page.`,
              }),
          ),
      },
    ],
  });
}
