/*
 * The @mention autocomplete's text handling, kept apart from React: where a mention is being typed,
 * which members fit what was typed, and the text after one is picked.
 */

export interface MentionCandidate {
  id: string;
  name: string;
  email: string;
}

export interface MentionQuery {
  /** Index of the @. */
  start: number;
  /** What follows the @ up to the caret. */
  query: string;
}

const MAX_QUERY = 40;

/**
 * The mention being typed just before the caret: an @ at the start or after a space or opening
 * bracket (so that an e-mail address typed in full does not open the list), followed by no line
 * break and no second @.
 */
export function mentionQueryAt(text: string, caret: number): MentionQuery | null {
  const from = Math.max(0, caret - MAX_QUERY - 1);
  const at = text.lastIndexOf("@", caret - 1);
  if (at < from || at === -1) return null;
  const before = at === 0 ? "" : text[at - 1];
  if (before && !/[\s([{"'>]/.test(before)) return null;
  const query = text.slice(at + 1, caret);
  if (/[\n@]/.test(query) || /^\s/.test(query) || /\s{2}/.test(query)) return null;
  return { start: at, query };
}

/**
 * Members whose name or e-mail fits the query, best first: a name or word of it starting with the
 * query, then the e-mail starting with it, then a name or the e-mail's local part containing it.
 */
export function filterMentionCandidates<T extends MentionCandidate>(
  people: readonly T[],
  query: string,
  options: { excludeId?: string; limit?: number } = {},
): T[] {
  const q = query.trim().toLowerCase();
  const scored: Array<{ person: T; score: number }> = [];
  for (const person of people) {
    if (person.id === options.excludeId) continue;
    const name = person.name.toLowerCase();
    const email = person.email.toLowerCase();
    // The domain is shared by most of a team: matching inside it would offer everyone.
    const local = email.slice(0, email.lastIndexOf("@"));
    let score: number;
    if (!q) score = 3;
    else if (name.startsWith(q)) score = 0;
    else if (name.split(/\s+/).some((word) => word.startsWith(q))) score = 1;
    else if (email.startsWith(q)) score = 2;
    else if (name.includes(q) || local.includes(q)) score = 3;
    else continue;
    scored.push({ person, score });
  }
  scored.sort((a, b) => a.score - b.score || a.person.name.localeCompare(b.person.name));
  return scored.slice(0, options.limit ?? 8).map((s) => s.person);
}

/** The text with `@<email> ` in place of the mention being typed, and where the caret goes. */
export function insertMention(
  text: string,
  mention: MentionQuery,
  caret: number,
  email: string,
): { text: string; caret: number } {
  const before = text.slice(0, mention.start);
  const after = text.slice(caret);
  const token = `@${email}`;
  const spacer = /^\s/.test(after) ? "" : " ";
  return { text: `${before}${token}${spacer}${after}`, caret: before.length + token.length + 1 };
}
