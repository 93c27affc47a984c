import { createHash, randomBytes } from "node:crypto";

/** A random, URL-safe secret with a recognisable prefix (so leaked tokens can be spotted). */
export function newSecret(prefix: string): string {
  return `${prefix}_${randomBytes(32).toString("base64url")}`;
}

/** Secrets are high-entropy, so a plain SHA-256 is enough to store them (no salt, fast lookup). */
export function hashSecret(secret: string): string {
  return createHash("sha256").update(secret).digest("hex");
}
