/**
 * The response headers that keep pages and API answers from being framed, sniffed, leaked through
 * Referer or made to run injected script. Pure: proxy.ts computes the inputs per request.
 */

export interface RequestFacts {
  /** The request's path, e.g. /roadmaps/1 or /api/me. */
  path: string;
  /** The request URL's scheme as the server saw it ("http:" behind a TLS-terminating proxy). */
  protocol: string;
  /** X-Forwarded-Proto, as a proxy in front set it (may list several: "https, http"). */
  forwardedProto: string | null;
  /** AUTH_URL: the public origin people reach the app at, when configured. */
  authUrl: string | undefined;
  /** `next dev`: its error overlay needs eval. */
  dev: boolean;
}

/**
 * Whether people reach the app over https: the request itself, the proxy in front (the first
 * X-Forwarded-Proto entry, the one the outermost proxy wrote) or the configured public origin. A
 * client forging the header over plain http gains nothing: browsers ignore HSTS on http answers.
 */
export function servedOverHttps(
  facts: Pick<RequestFacts, "protocol" | "forwardedProto" | "authUrl">,
): boolean {
  if (facts.protocol === "https:") return true;
  if (facts.forwardedProto?.split(",")[0].trim().toLowerCase() === "https") return true;
  try {
    return facts.authUrl ? new URL(facts.authUrl).protocol === "https:" : false;
  } catch {
    return false;
  }
}

/**
 * The pages' policy. Scripts run only with this response's nonce (Next puts it on its own scripts
 * when the request carries the policy) or when such a script loads them ('strict-dynamic'); never
 * inline ones an attacker could inject. Inline style attributes stay allowed: React and Recharts
 * set them, and a style cannot run code. `next dev` needs eval for its error overlay.
 */
export function pageContentSecurityPolicy(options: { nonce: string; dev: boolean; https: boolean }): string {
  return [
    "default-src 'self'",
    `script-src 'self' 'nonce-${options.nonce}' 'strict-dynamic'${options.dev ? " 'unsafe-eval'" : ""}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' blob: data:",
    "font-src 'self' data:",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
    ...(options.https ? ["upgrade-insecure-requests"] : []),
  ].join("; ");
}

/** API answers are data, never documents to render: nothing may load from them, nobody may frame them. */
export const API_CONTENT_SECURITY_POLICY = "default-src 'none'; frame-ancestors 'none'";

/** HSTS for a year; subdomains are left alone, as other services of the domain may not have TLS. */
const HSTS = "max-age=31536000";

/**
 * Share links carry their secret in the path: their pages and answers send no Referer at all. Other
 * pages send only their origin to other sites (the browser default, said explicitly).
 */
function referrerPolicy(path: string): string {
  return /^\/(api\/)?share\//.test(path) ? "no-referrer" : "strict-origin-when-cross-origin";
}

const isApi = (path: string) => path === "/api" || path.startsWith("/api/");

/**
 * The headers for one answer. Pages get the nonce policy (`nonce` required); API answers a policy
 * that allows nothing. X-Content-Type-Options also comes from next.config.js for static files,
 * which the proxy does not see.
 */
export function securityHeaders(facts: RequestFacts, nonce?: string): Record<string, string> {
  const https = servedOverHttps(facts);
  const api = isApi(facts.path);
  if (!api && !nonce) throw new Error("A page's Content-Security-Policy needs a nonce.");
  return {
    "content-security-policy": api
      ? API_CONTENT_SECURITY_POLICY
      : pageContentSecurityPolicy({ nonce: nonce!, dev: facts.dev, https }),
    "x-content-type-options": "nosniff",
    "referrer-policy": referrerPolicy(facts.path),
    ...(https && { "strict-transport-security": HSTS }),
  };
}
