import { z } from "zod";
import { apiTokenSchema, createTokenSchema, meSchema, registerSchema, userSchema } from "../accounts";
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
  summary: "Mint a personal API token (the secret is shown once)",
  tag,
  body: createTokenSchema,
  response: z.object({ token: apiTokenSchema, secret: z.string() }),
  status: 201,
});

export const listTokens = defineEndpoint({
  method: "GET",
  path: "/api/tokens",
  summary: "The caller's API tokens (never their secrets)",
  tag,
  response: z.object({ items: z.array(apiTokenSchema) }),
});

export const revokeToken = defineEndpoint({
  method: "DELETE",
  path: "/api/tokens/{tokenId}",
  summary: "Revoke one of the caller's API tokens",
  tag,
  response: okSchema,
});
