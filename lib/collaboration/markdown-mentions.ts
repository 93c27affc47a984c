import { isWordChar } from "./markdown-nodes";

interface TrieNode {
  next: Map<string, TrieNode>;
  /** The handle that ends here, as given. */
  handle?: string;
}

export type MentionMatcher = (
  text: string,
  at: number,
  end: number,
) => { handle: string; length: number } | null;

/**
 * Finds a mention of one of `handles` at an @, case-insensitively, the longest that ends at a word
 * boundary. The handles sit in a trie, so a match costs the length of the longest handle at most,
 * however many members there are (a scan per handle would cost members x @s on a hostile body).
 */
export function mentionMatcher(handles: readonly string[]): MentionMatcher {
  const root: TrieNode = { next: new Map() };
  for (const handle of handles) {
    if (!handle) continue;
    let node = root;
    for (const ch of handle) {
      const key = ch.toLowerCase();
      let child = node.next.get(key);
      if (!child) node.next.set(key, (child = { next: new Map() }));
      node = child;
    }
    // The first of two handles equal but for case wins, as in the list given.
    node.handle ??= handle;
  }

  return (text, at, end) => {
    if (text[at] !== "@" || root.next.size === 0) return null;
    const before = text[at - 1];
    if (isWordChar(before) || (before !== undefined && "@._%+-/".includes(before))) return null;
    const found: { handle: string; next: number }[] = [];
    let node: TrieNode | undefined = root;
    for (let k = at + 1; k < end;) {
      const point = text.codePointAt(k)!;
      const ch = String.fromCodePoint(point);
      node = node.next.get(ch.toLowerCase());
      if (!node) break;
      k += ch.length;
      if (node.handle) found.push({ handle: node.handle, next: k });
    }
    for (let f = found.length - 1; f >= 0; f--) {
      const { handle, next } = found[f];
      const after = next < end ? text[next] : undefined;
      // The handle must end there: "@ann" is not a mention of "an", nor "@a@b.co" of "a".
      if (isWordChar(after) || after === "@" || after === "_" || after === "-") continue;
      if (after === "." && isWordChar(next + 1 < end ? text[next + 1] : undefined)) continue;
      return { handle, length: next - at };
    }
    return null;
  };
}
