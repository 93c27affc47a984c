"use client";

import { useSearchParams } from "next/navigation";
import { useEffect, useState } from "react";
import type { Item } from "@/lib/validation/timeline";

/**
 * /roadmaps/:id?item=:itemId (links from notifications) opens that item once it is on the board,
 * and scrolls it into view after the panel has opened.
 */
export function useLinkedItem(
  items: Item[],
  open: (itemId: string) => void,
  reveal: (itemId: string) => void,
) {
  const linkedItem = useSearchParams().get("item");
  const [openedLink, setOpenedLink] = useState<string | null>(null);
  if (linkedItem && linkedItem !== openedLink && items.some((i) => i.id === linkedItem)) {
    setOpenedLink(linkedItem);
    open(linkedItem);
  }
  useEffect(() => {
    if (openedLink) requestAnimationFrame(() => reveal(openedLink));
    // eslint-disable-next-line react-hooks/exhaustive-deps -- once per link opened
  }, [openedLink]);
}
