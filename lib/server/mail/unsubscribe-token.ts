import { createHmac, timingSafeEqual } from "node:crypto";
import { EMAIL_KINDS, type EmailKind } from "@/lib/validation/delivery-kinds";
import { authSecret } from "../auth-secret";

// A List-Unsubscribe link names its recipient and kind and is signed with the server's secret
// (HMAC-SHA256), so it needs no stored state and cannot be forged for someone else.

const signature = (userId: string, kind: EmailKind) =>
  createHmac("sha256", authSecret()).update(`cairn-unsubscribe:${userId}:${kind}`).digest("base64url");

export function unsubscribeToken(userId: string, kind: EmailKind): string {
  return `${userId}.${kind}.${signature(userId, kind)}`;
}

/** The recipient and kind a token names, or null for anything not signed by this server. */
export function readUnsubscribeToken(token: string): { userId: string; kind: EmailKind } | null {
  const [userId, kind, given, ...rest] = token.split(".");
  if (rest.length || !userId || !given || !(EMAIL_KINDS as readonly string[]).includes(kind)) return null;
  const expected = Buffer.from(signature(userId, kind as EmailKind));
  const actual = Buffer.from(given);
  if (expected.length !== actual.length || !timingSafeEqual(expected, actual)) return null;
  return { userId, kind: kind as EmailKind };
}
