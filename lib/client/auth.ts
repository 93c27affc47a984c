import { ApiError, errorFromResponse, networkError } from "./api";

const WRONG_CREDENTIALS = "Email or password is incorrect.";

async function csrfToken(): Promise<string> {
  const res = await fetch("/api/auth/csrf", { credentials: "same-origin" }).catch(() => {
    throw networkError();
  });
  if (!res.ok) throw await errorFromResponse(res);
  const body = (await res.json()) as { csrfToken?: string };
  if (!body.csrfToken)
    throw new ApiError(500, "csrf", "Sign-in is not available right now. Reload the page and try again.");
  return body.csrfToken;
}

/**
 * Signs in with Auth.js's credentials provider. With X-Auth-Return-Redirect Auth.js answers
 * `{url}` instead of redirecting; a url naming `error=` is a failed sign-in. The message never
 * says whether the email has an account.
 */
export async function signInWithPassword(input: {
  email: string;
  password: string;
  callbackUrl: string;
}): Promise<void> {
  const form = new URLSearchParams({
    email: input.email,
    password: input.password,
    csrfToken: await csrfToken(),
    callbackUrl: input.callbackUrl,
  });
  let res: Response;
  try {
    res = await fetch("/api/auth/callback/credentials", {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded", "X-Auth-Return-Redirect": "1" },
      body: form,
      credentials: "same-origin",
    });
  } catch {
    throw networkError();
  }
  if (!res.ok) throw await errorFromResponse(res);
  const body = (await res.json().catch(() => null)) as { url?: string } | null;
  const url = body?.url ?? "";
  if (/[?&]error=CredentialsSignin/.test(url))
    throw new ApiError(401, "invalid_credentials", WRONG_CREDENTIALS);
  if (/[?&]error=/.test(url) || !url) {
    throw new ApiError(400, "sign_in_failed", "Sign-in did not go through. Reload the page and try again.");
  }
}
