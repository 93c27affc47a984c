/**
 * Where to go after signing in. Only paths on this site are accepted ("/teams", not "//evil.com"
 * or "https://evil.com"), so a crafted link cannot send someone elsewhere. Auth.js's own redirect
 * to the sign-in page names an absolute URL on this site: its path is kept, its origin dropped.
 */
export function safeCallbackPath(raw: string | null | undefined, fallback = "/"): string {
  if (!raw) return fallback;
  let path = raw.trim();
  if (/^https?:\/\//i.test(path)) {
    try {
      const url = new URL(path);
      path = `${url.pathname}${url.search}${url.hash}`;
    } catch {
      return fallback;
    }
  }
  if (!path.startsWith("/") || path.startsWith("//") || path.startsWith("/\\")) return fallback;
  // Control characters have no place in a path and some browsers strip them into "//".
  if (/[\u0000-\u001f\u007f]/.test(path)) return fallback;
  return path;
}

/** A link to an auth page that keeps the callback, when there is one worth keeping. */
export function withCallback(page: "/signin" | "/register", callbackPath: string | null): string {
  return callbackPath && callbackPath !== "/"
    ? `${page}?callbackUrl=${encodeURIComponent(callbackPath)}`
    : page;
}
