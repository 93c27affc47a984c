import { AppError } from "@/lib/services/kernel/errors";
import type { Endpoint } from "@/lib/validation/endpoint";

/** Methods that change nothing (api.md): no cross-site check. */
const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

/** Sec-Fetch-Site values a browser sends for a request the app's own pages made ("none": typed by the user). */
const OWN_FETCH_SITES = new Set(["same-origin", "none"]);

/** "Application/JSON; charset=utf-8" -> "application/json". */
function mediaType(header: string | null): string {
  return (header ?? "").split(";")[0].trim().toLowerCase();
}

function normalisedOrigin(value: string): string | null {
  try {
    const origin = new URL(value).origin;
    return origin === "null" ? null : origin;
  } catch {
    return null;
  }
}

/**
 * Where the request came from, as the browser says. Sec-Fetch-Site decides when present (every
 * current browser sends it, and it is right even behind a proxy that rewrites Host); otherwise
 * Origin is compared with the app's public origin. A request with neither header was not sent by
 * a browser, so no other site's page can have made it. The same rule as Go's
 * net/http.CrossOriginProtection.
 */
function fromAnotherSite(req: Request, appOrigin: string): string | null {
  const fetchSite = req.headers.get("sec-fetch-site")?.trim().toLowerCase();
  if (fetchSite) return OWN_FETCH_SITES.has(fetchSite) ? null : `Sec-Fetch-Site: ${fetchSite.slice(0, 20)}`;
  const origin = req.headers.get("origin");
  if (origin === null) return null;
  return normalisedOrigin(origin) === normalisedOrigin(appOrigin) ? null : `Origin: ${origin.slice(0, 100)}`;
}

/** JSON always; multipart/form-data where the endpoint takes a file in it (its spec says so). */
function acceptedMediaTypes(endpoint: Pick<Endpoint, "rawBody">): string[] {
  return endpoint.rawBody?.contentTypes.includes("multipart/form-data")
    ? ["application/json", "multipart/form-data"]
    : ["application/json"];
}

/**
 * Refuses a write authenticated by the session cookie that a page of another site could have
 * sent (api.md, "Security conventions"): the browser attaches the cookie to a form post or a
 * no-cors fetch from anywhere SameSite=Lax allows, including a sibling subdomain. Such requests
 * can only carry "simple" bodies (text/plain, urlencoded, multipart) and name their origin; the
 * app's own client sends JSON (even without a body) or a multipart upload from its own origin.
 * Bearer requests never get here: no browser attaches a token by itself.
 */
export function refuseCrossSiteWrite(
  req: Request,
  endpoint: Pick<Endpoint, "rawBody">,
  appOrigin: string,
): void {
  if (SAFE_METHODS.has(req.method.toUpperCase())) return;

  const foreign = fromAnotherSite(req, appOrigin);
  if (foreign) {
    throw new AppError(
      "cross_site_request",
      `This change came from another site (${foreign}), so nothing was changed. Make it from Cairn itself at ${appOrigin}, or send a personal API token as Authorization: Bearer <token>.`,
    );
  }

  const accepted = acceptedMediaTypes(endpoint);
  const type = mediaType(req.headers.get("content-type"));
  if (!accepted.includes(type)) {
    throw new AppError(
      "unsupported_media_type",
      `A change made with the sign-in cookie must be sent as ${accepted.join(" or ")} (Content-Type header), even without a body; this one was ${type ? type.slice(0, 100) : "sent without a Content-Type"}. Nothing was changed.`,
    );
  }
}
