"use client";

import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";

/** Every key the timeline answers to; the help dialog lists them and the code follows it. */
export const SHORTCUTS: Array<{ keys: string[]; does: string; editors?: boolean }> = [
  { keys: ["Tab"], does: "Into the timeline (to the current item) and out again" },
  { keys: ["←", "→"], does: "Previous or next item in the row" },
  { keys: ["↑", "↓"], does: "Nearest item in the row above or below" },
  { keys: ["Home", "End"], does: "First or last item in the row" },
  { keys: ["Enter"], does: "Open the item's details" },
  { keys: ["Alt", "← / →"], does: "Move the item one day earlier or later", editors: true },
  { keys: ["Alt", "Shift", "← / →"], does: "Move the item one week earlier or later", editors: true },
  { keys: ["[", "]"], does: "End a feature one day earlier or later", editors: true },
  { keys: ["Shift", "[ / ]"], does: "End a feature one week earlier or later", editors: true },
  {
    keys: ["L"],
    does: "Link from this item: arrow keys pick the item that follows, Enter links, Escape cancels",
    editors: true,
  },
  { keys: ["N"], does: "New item in this lane, at this item's date", editors: true },
  { keys: ["Delete"], does: "Delete the item (undo from the message, or Ctrl+Z)", editors: true },
  { keys: ["Ctrl", "Z"], does: "Undo the last delete", editors: true },
  { keys: ["C"], does: "Show or hide the critical path" },
  { keys: ["T"], does: "Scroll to today" },
  { keys: ["?"], does: "This list" },
  { keys: ["Escape"], does: "Close the details panel, cancel linking or a drag, hide a tooltip" },
];

export function ShortcutsDialog({
  open,
  onClose,
  canEdit,
}: {
  open: boolean;
  onClose: () => void;
  canEdit: boolean;
}) {
  return (
    <Dialog
      open={open}
      onClose={onClose}
      title="Keyboard shortcuts"
      description={
        canEdit
          ? "With an item of the timeline focused. With the mouse: drag a bar to move it, its edges to resize it, the dot at its end onto another item to link them; double-click a lane to add an item."
          : "With an item of the timeline focused. Your role can read the roadmap; editors change it."
      }
      footer={
        <Button variant="primary" onClick={onClose}>
          Done
        </Button>
      }
    >
      <table className="w-full text-left text-[13px]">
        <caption className="sr-only">Keys and what they do</caption>
        <thead className="sr-only">
          <tr>
            <th scope="col">Keys</th>
            <th scope="col">Action</th>
          </tr>
        </thead>
        <tbody className="divide-y divide-line">
          {SHORTCUTS.filter((s) => canEdit || !s.editors).map((s) => (
            <tr key={s.does}>
              <td className="py-1.5 pr-3 align-top whitespace-nowrap">
                {s.keys.map((k, i) => (
                  <span key={k}>
                    {i > 0 && <span className="px-0.5 text-muted">+</span>}
                    <kbd className="rounded border border-line-strong bg-subtle px-1.5 py-0.5 font-mono text-xs text-ink">
                      {k}
                    </kbd>
                  </span>
                ))}
              </td>
              <td className="py-1.5 leading-5 text-ink-soft">{s.does}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </Dialog>
  );
}
