import { z } from "zod";
import {
  apiTokenSchema,
  changePasswordSchema,
  createTokenSchema,
  meSchema,
  registerSchema,
  userSchema,
} from "../accounts";
import { okSchema } from "../common";
import { defineEndpoint } from "../endpoint";

const tag = "Accounts";

export const register = defineEndpoint({
  method: "POST",
  path: "/api/register",
  summary: "Create an account",
  tag,
  auth: "none",
  body: registerSchema,
  response: z.object({ user: userSchema }),
  status: 201,
  errors: ["conflict", "rate_limited"],
});

export const getMe = defineEndpoint({
  method: "GET",
  path: "/api/me",
  summary: "The signed-in user and their teams",
  tag,
  response: meSchema,
});

export const createToken = defineEndpoint({
  method: "POST",
  path: "/api/tokens",
  summary:
    'Mint a personal API token (the secret is shown once); scopes ["read"] or ["read", "write"] (default). Session only',
  tag,
  auth: "session",
  body: createTokenSchema,
  response: z.object({ token: apiTokenSchema, secret: z.string() }),
  status: 201,
  errors: ["session_required"],
});

export const listTokens = defineEndpoint({
  method: "GET",
  path: "/api/tokens",
  summary: "The caller's API tokens with their scopes and last use (never their secrets). Session only",
  tag,
  auth: "session",
  response: z.object({ items: z.array(apiTokenSchema) }),
  errors: ["session_required"],
});

export const revokeToken = defineEndpoint({
  method: "DELETE",
  path: "/api/tokens/{tokenId}",
  summary: "Revoke one of the caller's API tokens; its open streams close. Session only",
  tag,
  auth: "session",
  response: okSchema,
  errors: ["session_required"],
});

export const changePassword = defineEndpoint({
  method: "POST",
  path: "/api/account/password",
  summary:
    "Change the password (the current one is required); every other session ends, the caller's cookie is re-issued. Session only",
  tag,
  auth: "session",
  body: changePasswordSchema,
  response: okSchema,
  errors: ["incorrect_password", "session_required"],
});

export const endAllSessions = defineEndpoint({
  method: "POST",
  path: "/api/account/sessions/revoke",
  summary: "Sign out everywhere: every session of the account ends, the caller's included. Session only",
  tag,
  auth: "session",
  response: okSchema,
  errors: ["session_required"],
});
