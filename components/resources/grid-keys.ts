import type { KeyboardEvent } from "react";

/** The attributes that place an input in a keyboard grid (see moveInGrid). */
export const gridCell = (row: number, col: number) => ({ "data-grid-row": row, "data-grid-col": col });

/**
 * Spreadsheet keys for a table of inputs: Up and Down (and Enter) move a row, Left and Right move a
 * column once the caret is at the edge of what is typed. Tab still walks the inputs in order.
 */
export function moveInGrid(event: KeyboardEvent<HTMLElement>) {
  const input = event.target;
  if (!(input instanceof HTMLInputElement) || input.dataset.gridRow === undefined) return;
  if (event.altKey || event.ctrlKey || event.metaKey || event.shiftKey) return;
  let row = Number(input.dataset.gridRow);
  let col = Number(input.dataset.gridCol);
  // With the whole value selected (as after moving in), both edges count.
  const caretAtStart = input.selectionStart === 0;
  const caretAtEnd = input.selectionEnd === input.value.length;
  switch (event.key) {
    case "ArrowUp":
      row -= 1;
      break;
    case "ArrowDown":
    case "Enter":
      row += 1;
      break;
    case "ArrowLeft":
      if (!caretAtStart) return;
      col -= 1;
      break;
    case "ArrowRight":
      if (!caretAtEnd) return;
      col += 1;
      break;
    default:
      return;
  }
  // Enter never submits from inside the grid, even on the last row: saving is a deliberate click.
  event.preventDefault();
  const next = event.currentTarget.querySelector<HTMLInputElement>(
    `input[data-grid-row="${row}"][data-grid-col="${col}"]`,
  );
  if (!next) return;
  next.focus();
  next.select();
}
