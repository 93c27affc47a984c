import { readUnsubscribeToken } from "@/lib/server/mail/unsubscribe-token";
import { route } from "@/lib/server/route";
import { AppError } from "@/lib/services/kernel/errors";
import { turnEmailKindOff } from "@/lib/services/mail/settings";
import { delivery } from "@/lib/validation/endpoints";

// One-click unsubscribe (RFC 8058): the signed token names the recipient and the kind; the body
// (`List-Unsubscribe=One-Click`) carries nothing more, so it is not read.
export const POST = route(delivery.unsubscribe, async ({ db, query }) => {
  const named = readUnsubscribeToken(query.token);
  if (!named) throw new AppError("not_found", "This unsubscribe link is not one Cairn sent.");
  await turnEmailKindOff(db, named.userId, named.kind);
  return { body: { ok: true } };
});
