import { useCallback, useState } from "react";

/** What a key does in the deck; null: not the deck's key. */
export function deckAction(key: string): "next" | "previous" | "first" | "last" | "fullscreen" | null {
  switch (key) {
    case "ArrowRight":
    case " ":
    case "PageDown":
      return "next";
    case "ArrowLeft":
    case "PageUp":
      return "previous";
    case "Home":
      return "first";
    case "End":
      return "last";
    case "f":
    case "F":
      return "fullscreen";
    default:
      return null;
  }
}

/** The slide shown, kept inside [0, count). */
export function useSlideIndex(count: number) {
  const [index, setIndex] = useState(0);
  const go = useCallback((to: number) => setIndex(Math.max(0, Math.min(count - 1, to))), [count]);
  return { index, go };
}
