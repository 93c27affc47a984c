import type { Actor } from "@/lib/services/kernel/actor";
import { AppError } from "@/lib/services/kernel/errors";
import type { Endpoint } from "@/lib/validation/endpoint";

const READ_METHODS = new Set(["GET", "HEAD"]);

/** The scope a token needs for this request: the endpoint's own word, else by the method. */
export function requiredTokenScope(endpoint: Pick<Endpoint, "tokenScope">, method: string): "read" | "write" {
  return endpoint.tokenScope ?? (READ_METHODS.has(method.toUpperCase()) ? "read" : "write");
}

/**
 * What the kind of identity may do, before any role is looked at (api.md, "Security conventions"):
 * session-only operations refuse tokens, and a token acts only within its scopes. A token with no
 * scopes recorded is treated as read-only, so a mistake narrows rather than widens what it may do.
 */
export function checkIdentityAllows(
  endpoint: Pick<Endpoint, "auth" | "tokenScope">,
  method: string,
  actor: Actor | null,
): void {
  if (!actor || actor.via !== "token") return;
  if (endpoint.auth === "session") {
    throw new AppError(
      "session_required",
      "API tokens cannot manage tokens or the account: sign in to Cairn in a browser and do this on the Account pages.",
    );
  }
  const needed = requiredTokenScope(endpoint, method);
  if (!(actor.scopes ?? ["read"]).includes(needed)) {
    throw new AppError(
      "insufficient_scope",
      needed === "write"
        ? "This API token may only read, and this request changes data, so nothing was changed. Create a token with read and write access on the API tokens page."
        : `This API token lacks the "${needed}" scope. Create a new token on the API tokens page.`,
      { details: { required: needed, granted: actor.scopes ?? [] } },
    );
  }
}
