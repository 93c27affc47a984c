import { useState } from "react";
import type { FeasibilityVerdict } from "@/lib/validation/collaboration";

export interface CommentDraft {
  text: string;
  verdict: FeasibilityVerdict | null;
}

const EMPTY: CommentDraft = { text: "", verdict: null };

/**
 * What was typed in each composer, kept for the life of the page: closing the panel (Escape),
 * switching tabs or opening another item loses nothing, and coming back finds the text again.
 */
const drafts = new Map<string, CommentDraft>();

export function draftKey(itemId: string, parentId: string | null): string {
  return `${itemId}:${parentId ?? "new"}`;
}

export function useDraft(key: string): [CommentDraft, (next: Partial<CommentDraft>) => void, () => void] {
  const [draft, setDraft] = useState<CommentDraft>(() => drafts.get(key) ?? EMPTY);
  const update = (next: Partial<CommentDraft>) =>
    setDraft((old) => {
      const merged = { ...old, ...next };
      if (merged.text || merged.verdict) drafts.set(key, merged);
      else drafts.delete(key);
      return merged;
    });
  const clear = () => {
    drafts.delete(key);
    setDraft(EMPTY);
  };
  return [draft, update, clear];
}
