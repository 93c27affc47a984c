import type { Segment } from "@/components/activity/activity-description";
import { fieldName } from "@/components/activity/activity-fields";
import type { Notification } from "@/lib/validation/collaboration";

export interface NotificationText {
  /** Who did what where, the actor first: "Priya Shah mentioned you on ‘Checkout GA’ in …". */
  sentence: Segment[];
  actor: string;
  /** Where following it leads: the roadmap with the item opened; null when that is gone. */
  href: string | null;
}

function joinWords(words: string[]): string {
  if (words.length <= 1) return words.join("");
  return `${words.slice(0, -1).join(", ")} and ${words.at(-1)}`;
}

/** "dates and status" from ["startDate", "endDate", "status"]. */
export function changedFieldsText(fields: string[]): string {
  const words: string[] = [];
  const dates = fields.includes("startDate") && fields.includes("endDate");
  for (const field of fields) {
    if (field === "version") continue;
    const word = dates && (field === "startDate" || field === "endDate") ? "dates" : fieldName(field);
    if (!words.includes(word)) words.push(word);
  }
  return joinWords(words);
}

export function notificationHref(n: Pick<Notification, "roadmapId" | "itemId">): string | null {
  if (!n.roadmapId) return null;
  const base = `/roadmaps/${encodeURIComponent(n.roadmapId)}`;
  return n.itemId ? `${base}?item=${encodeURIComponent(n.itemId)}` : base;
}

/** One notification in words: who did what, on which item, in which roadmap. */
export function describeNotification(n: Notification): NotificationText {
  const item: Segment = n.itemTitle ? { name: n.itemTitle } : "an item";
  const where: Segment[] = n.roadmapTitle ? [` in ${n.roadmapTitle}`] : [];
  let sentence: Segment[];
  switch (n.kind) {
    case "mention":
      sentence = [" mentioned you on ", item, ...where];
      break;
    case "reply":
      sentence = [" replied to your comment on ", item, ...where];
      break;
    case "item_changed": {
      if (n.fields.includes("deleted")) {
        sentence = [" deleted your item ", item, ...where];
        break;
      }
      const what = changedFieldsText(n.fields);
      sentence = what
        ? [` changed the ${what} of your item `, item, ...where]
        : [" changed your item ", item, ...where];
      break;
    }
    default:
      sentence = [" updated ", item, ...where];
  }
  return { sentence, actor: n.actor?.name ?? "Someone", href: notificationHref(n) };
}
