import { NextRequest } from "next/server";
import * as authRoute from "@/app/api/auth/[...nextauth]/route";
import { runWithPeerAddress } from "@/lib/server/client-address";
import type { ApiResponse } from "./api";

/** Auth.js's CSRF token and the cookie that goes with it, as a browser gets them. */
export async function csrf(): Promise<{ csrfToken: string; cookie: string }> {
  const res = await authRoute.GET(new NextRequest("http://localhost/api/auth/csrf"));
  const { csrfToken } = (await res.json()) as { csrfToken: string };
  const cookie = res.headers
    .getSetCookie()
    .map((c) => c.split(";")[0])
    .join("; ");
  return { csrfToken, cookie };
}

export interface AuthPostOptions {
  /** The socket address the request comes from (as scripts/start.mjs would report it). */
  peer?: string;
  headers?: Record<string, string>;
  path?: string;
}

/** POSTs to Auth.js through the app's route handler (the guard included) and reads the answer. */
export async function postToAuth(
  body: BodyInit | undefined,
  contentType: string | undefined,
  options: AuthPostOptions = {},
): Promise<ApiResponse> {
  const headers = new Headers(options.headers);
  if (contentType) headers.set("content-type", contentType);
  const req = new NextRequest(`http://localhost${options.path ?? "/api/auth/callback/credentials"}`, {
    method: "POST",
    headers,
    body,
    ...(body instanceof ReadableStream && { duplex: "half" }),
  });
  const res = await runWithPeerAddress(options.peer, () => authRoute.POST(req));
  const text = await res.text();
  const json = res.headers.get("content-type")?.includes("json") && text ? JSON.parse(text) : undefined;
  return { status: res.status, text, json, headers: res.headers };
}

export interface SignInAttempt {
  email: unknown;
  password: string;
  format: "form" | "json";
  peer?: string;
  /** Ask for `{url}` instead of a redirect, as the app's sign-in form does. */
  returnJson?: boolean;
}

/** A complete credentials sign-in (CSRF token and cookie included), in either body format Auth.js reads. */
export async function signIn(attempt: SignInAttempt): Promise<ApiResponse & { signedIn: boolean }> {
  const { csrfToken, cookie } = await csrf();
  const fields = { email: attempt.email, password: attempt.password, csrfToken, callbackUrl: "/teams" };
  const body =
    attempt.format === "json"
      ? JSON.stringify(fields)
      : new URLSearchParams(fields as Record<string, string>).toString();
  const contentType = attempt.format === "json" ? "application/json" : "application/x-www-form-urlencoded";
  const headers: Record<string, string> = { cookie };
  if (attempt.returnJson) headers["x-auth-return-redirect"] = "1";
  const res = await postToAuth(body, contentType, { peer: attempt.peer, headers });
  const signedIn = res.headers.getSetCookie().some((c) => c.startsWith("authjs.session-token="));
  return { ...res, signedIn };
}
