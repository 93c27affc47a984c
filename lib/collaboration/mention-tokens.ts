/**
 * Mentions in a comment body, as the server resolves them: `@email` (e.g. @priya@northwind.test)
 * or `@handle`, where a member's handles are their display name without whitespace and their
 * email's local part. Text inside code (inline or fenced) mentions nobody, and neither does a
 * plain address like name@domain.
 */

export type MentionToken = { kind: "email"; email: string } | { kind: "handle"; handle: string };

export interface MentionMember {
  id: string;
  name: string;
  email: string;
}

export interface ResolvedMentions {
  /** Members mentioned, in order of first mention, each once. */
  userIds: string[];
  /** Email-shaped mentions that name no member (lower-cased, each once). */
  unknownEmails: string[];
}

const FENCE_OPEN = /^ {0,3}(`{3,}|~{3,})(.*)$/;
// An @ that does not continue a word, an address, a path or another mention. Linear: the handle's
// class has no overlap with what follows it, and a domain's labels are split by dots.
const MENTION =
  /(?<![\p{L}\p{M}\p{N}.%+\-/@`])@([\p{L}\p{M}\p{N}_.'’%+-]+)(@[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)+)?/gu;
/** Stripped from a handle's end ("@PriyaShah." means Priya); by hand, as /[...]+$/ is quadratic. */
const TRAILING_PUNCTUATION = new Set(".'’_+-");

function withoutTrailingPunctuation(handle: string): string {
  let end = handle.length;
  while (end > 0 && TRAILING_PUNCTUATION.has(handle[end - 1])) end--;
  return handle.slice(0, end);
}

function withoutPossessive(handle: string): string {
  return /^['’]s$/i.test(handle.slice(-2)) ? handle.slice(0, -2) : handle;
}

/**
 * Inline code spans blanked out (newlines kept): a backtick run, content that does not cross a
 * blank line, and the next run of the same length. The runs are indexed by length and the blank
 * lines listed once, so each opener costs a binary search: a body of backtick runs of every length
 * is linear (the regular expression this replaces was quadratic on it).
 */
function blankInlineCode(text: string): string {
  const runs = new Map<number, number[]>();
  for (let at = text.indexOf("`"); at !== -1;) {
    let length = 0;
    while (text[at + length] === "`") length++;
    const list = runs.get(length);
    if (list) list.push(at);
    else runs.set(length, [at]);
    at = text.indexOf("`", at + length);
  }
  if (runs.size === 0) return text;
  const blankLines: number[] = [];
  for (const match of text.matchAll(/\n[ \t]*(?=\n)/g)) blankLines.push(match.index);
  const firstAtOrAfter = (list: number[], from: number) => {
    let lo = 0;
    let hi = list.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (list[mid] < from) lo = mid + 1;
      else hi = mid;
    }
    return lo < list.length ? list[lo] : Infinity;
  };
  let out = "";
  let copied = 0;
  for (let at = text.indexOf("`"); at !== -1;) {
    let length = 0;
    while (text[at + length] === "`") length++;
    const closer = firstAtOrAfter(runs.get(length)!, at + length);
    if (closer < firstAtOrAfter(blankLines, at + length)) {
      const end = closer + length;
      out += text.slice(copied, at) + text.slice(at, end).replace(/[^\n]/g, " ");
      copied = end;
      at = text.indexOf("`", end);
    } else {
      at = text.indexOf("`", at + length);
    }
  }
  return out + text.slice(copied);
}

/** The body with fenced code blocks and inline code spans blanked out (CommonMark's rules, simplified). */
export function withoutCode(body: string): string {
  let fence: string | null = null;
  const lines = body.split("\n").map((line) => {
    const open = FENCE_OPEN.exec(line);
    if (fence === null) {
      // A backtick fence's info string may not contain backticks: "```a```" is inline code.
      if (open && !(open[1][0] === "`" && open[2].includes("`"))) {
        fence = open[1];
        return "";
      }
      return line;
    }
    if (open && open[1][0] === fence[0] && open[1].length >= fence.length && open[2].trim() === "") {
      fence = null;
    }
    return "";
  });
  return blankInlineCode(lines.join("\n"));
}

/** Every mention token in the body, in order, duplicates included. */
export function findMentionTokens(body: string): MentionToken[] {
  const tokens: MentionToken[] = [];
  for (const match of withoutCode(body).matchAll(MENTION)) {
    const [, head, domain] = match;
    tokens.push(
      domain ? { kind: "email", email: `${head}${domain}`.toLowerCase() } : { kind: "handle", handle: head },
    );
  }
  return tokens;
}

const nameHandle = (name: string) => name.replace(/\s+/g, "").toLowerCase();
const localPart = (email: string) => email.slice(0, email.lastIndexOf("@")).toLowerCase();

function addTo(index: Map<string, Set<string>>, key: string, id: string) {
  if (!key) return;
  const ids = index.get(key) ?? new Set<string>();
  ids.add(id);
  index.set(key, ids);
}

/**
 * Resolves the body's mentions against the team's members. A handle names a member only when it
 * names exactly one (two "Sam Lee"s, or two "sam@" addresses, leave "@SamLee" or "@sam" as plain
 * text); an email names the member with that address, or is reported as unknown.
 */
export function resolveMentions(body: string, members: readonly MentionMember[]): ResolvedMentions {
  return resolveMentionTokens(findMentionTokens(body), members);
}

/**
 * resolveMentions for tokens found beforehand: the scan of the body is pure work on the text, which
 * the server does before taking any lock; only this, with the team's members, happens under it.
 */
export function resolveMentionTokens(
  tokens: readonly MentionToken[],
  members: readonly MentionMember[],
): ResolvedMentions {
  const byEmail = new Map(members.map((m) => [m.email.toLowerCase(), m.id]));
  const byHandle = new Map<string, Set<string>>();
  for (const m of members) {
    addTo(byHandle, nameHandle(m.name), m.id);
    addTo(byHandle, localPart(m.email), m.id);
  }

  const userIds = new Set<string>();
  const unknownEmails = new Set<string>();
  for (const token of tokens) {
    if (token.kind === "email") {
      const id = byEmail.get(token.email);
      if (id) userIds.add(id);
      else unknownEmails.add(token.email);
      continue;
    }
    // "@PriyaShah." and "@PriyaShah's" at the end of a phrase still mean Priya.
    const raw = token.handle.toLowerCase();
    const candidates = [raw, withoutTrailingPunctuation(raw), withoutPossessive(raw)];
    const matched = candidates.map((c) => byHandle.get(c)).find((ids) => ids !== undefined);
    if (matched?.size === 1) userIds.add([...matched][0]);
  }
  return { userIds: [...userIds], unknownEmails: [...unknownEmails] };
}
