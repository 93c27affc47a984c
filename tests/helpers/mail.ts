import type { ParsedMail } from "mailparser";

/** The first link starting with `prefix` (origin and path) in a message's plain-text part. */
export function linkIn(mail: ParsedMail, prefix: string): URL {
  const escaped = prefix.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  const match = new RegExp(`${escaped}[^\\s]*`).exec(mail.text ?? "");
  if (!match) throw new Error(`No ${prefix} link in:\n${mail.text}`);
  return new URL(match[0]);
}

/** A header's value as received (`list-unsubscribe`, lower case), or undefined. */
export function headerOf(mail: ParsedMail, name: string): string | undefined {
  return mail.headerLines.find((h) => h.key === name)?.line.replace(/^[^:]+:\s*/, "");
}

/** The address a one-click List-Unsubscribe header points at. */
export function unsubscribeTarget(mail: ParsedMail): URL | null {
  const value = headerOf(mail, "list-unsubscribe");
  return value ? new URL(value.replace(/^<|>$/g, "")) : null;
}
