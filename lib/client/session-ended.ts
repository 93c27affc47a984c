import { ApiError } from "./api";

let leaving = false;

/**
 * When the API says the browser is no longer signed in (its session was ended elsewhere: a password
 * change, "sign out everywhere", or it expired), go to the sign-in page and come back here after,
 * rather than leaving the page showing errors. Only `unauthenticated` counts: a wrong password on
 * the sign-in form is a 401 of another code.
 */
export function signInAgainIfSignedOut(error: unknown): void {
  if (!(error instanceof ApiError) || error.status !== 401 || error.code !== "unauthenticated") return;
  if (typeof window === "undefined" || leaving) return;
  leaving = true;
  const here = window.location.pathname + window.location.search;
  // A full load, as after sign-in: nothing of the ended session stays in memory.
  // eslint-disable-next-line @next/next/no-location-assign-relative-destination
  window.location.assign(`/signin?callbackUrl=${encodeURIComponent(here)}`);
}
