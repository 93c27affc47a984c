/**
 * Words for screen readers after each change ("Moved ‘Card vault’…"); the zero-width space on
 * every other message makes a repeated one be read again.
 */
export function Announcer({ announcement }: { announcement: { text: string; n: number } }) {
  return (
    <p aria-live="polite" className="sr-only">
      {announcement.text}
      {announcement.n % 2 ? "\u200b" : ""}
    </p>
  );
}

/** While linking from the keyboard: what is being linked and how to finish or cancel. */
export function LinkingHint({ fromTitle }: { fromTitle: string | undefined }) {
  return (
    <p
      role="status"
      className="fixed bottom-4 left-1/2 z-40 -translate-x-1/2 rounded-full bg-ink px-4 py-2 text-[13px] text-white shadow-popover"
    >
      Linking from “{fromTitle}”: pick the item that waits for it, Enter to link, Escape to cancel.
    </p>
  );
}
