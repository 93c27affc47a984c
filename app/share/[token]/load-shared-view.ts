import { cache } from "react";
import { goneReason, type GoneReason } from "@/components/sharing/share-gone";
import { database } from "@/lib/server/database";
import { AppError } from "@/lib/services/kernel/errors";
import { loadSharedView } from "@/lib/services/share-links/shared-view";
import type { SharedView } from "@/lib/validation/communication";

export type SharedPage =
  | { kind: "view"; view: SharedView }
  | { kind: "gone"; reason: GoneReason; message: string }
  | { kind: "unknown" };

/** What a share token opens, once per request (metadata and page both ask). */
export const loadSharedPage = cache(async (token: string): Promise<SharedPage> => {
  const { db } = await database();
  try {
    return { kind: "view", view: await loadSharedView(db, token) };
  } catch (error) {
    if (error instanceof AppError && error.code === "share_link_gone")
      return { kind: "gone", reason: goneReason(error.message, error.details), message: error.message };
    if (error instanceof AppError && error.code === "not_found") return { kind: "unknown" };
    throw error;
  }
});
