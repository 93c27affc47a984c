"use server";

import { safeCallbackPath } from "@/lib/server/callback-url";
import { signOut } from "@/lib/server/auth";

/**
 * Signs out and shows the sign-in page. With `returnTo` (e.g. an invitation link opened with the
 * wrong account) the next sign-in comes back to it.
 */
export async function signOutAction(formData: FormData): Promise<void> {
  const raw = formData.get("returnTo");
  const returnTo = typeof raw === "string" ? safeCallbackPath(raw, "") : "";
  await signOut({ redirectTo: returnTo ? `/signin?callbackUrl=${encodeURIComponent(returnTo)}` : "/signin" });
}
