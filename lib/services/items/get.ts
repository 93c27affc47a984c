import { eq } from "drizzle-orm";
import type { Database } from "@/db/types";
import { items } from "@/db/schema";
import type { Item } from "@/lib/validation/timeline";
import type { Actor } from "@/lib/services/kernel/actor";
import { notFound } from "@/lib/services/kernel/errors";
import { accessRoadmap } from "@/lib/services/kernel/roadmap-access";
import { loadItem } from "./rows";

export async function getItem(db: Database, actor: Actor, itemId: string): Promise<Item> {
  const item = await loadItem(db, itemId);
  await accessRoadmap(db, actor, item.roadmapId, "team.read");
  const [row] = await db.select({ deletedAt: items.deletedAt }).from(items).where(eq(items.id, itemId));
  if (row.deletedAt) throw notFound("item");
  return item;
}
