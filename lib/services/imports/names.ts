/** Names as an import matches them (case and surrounding spaces aside), and counts in messages. */
export const lower = (s: string) => s.trim().toLowerCase();
export const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? "" : "s"}`;
