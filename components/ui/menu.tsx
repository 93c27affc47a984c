"use client";

import Link from "next/link";
import {
  useCallback,
  useEffect,
  useId,
  useRef,
  useState,
  type ComponentProps,
  type KeyboardEvent,
  type ReactNode,
} from "react";
import { cx } from "./cx";

const ITEM_SELECTOR = '[role="menuitem"],[role="menuitemradio"],[role="menuitemcheckbox"]';

export interface MenuProps {
  /** The trigger's content; give it visible text or an sr-only label. */
  trigger: ReactNode;
  triggerClassName?: string;
  /** The menu's accessible name. */
  label: string;
  align?: "start" | "end";
  className?: string;
  children: ReactNode;
}

/**
 * An ARIA menu button: Enter, Space or the arrow keys open it; arrows, Home and End move between
 * items; typing a letter jumps to an item; Escape closes it and returns focus to the trigger.
 */
export function Menu({ trigger, triggerClassName, label, align = "start", className, children }: MenuProps) {
  const [open, setOpen] = useState(false);
  const [focusOnOpen, setFocusOnOpen] = useState<"first" | "last">("first");
  const buttonRef = useRef<HTMLButtonElement>(null);
  const menuRef = useRef<HTMLDivElement>(null);
  const menuId = useId();

  const items = useCallback(
    () => Array.from(menuRef.current?.querySelectorAll<HTMLElement>(ITEM_SELECTOR) ?? []),
    [],
  );

  const close = useCallback((returnFocus: boolean) => {
    setOpen(false);
    if (returnFocus) buttonRef.current?.focus();
  }, []);

  useEffect(() => {
    if (!open) return;
    const list = items();
    const checked = list.find((el) => el.getAttribute("aria-checked") === "true");
    (focusOnOpen === "last" ? list.at(-1) : (checked ?? list[0]))?.focus();
    function onPointerDown(event: PointerEvent) {
      const target = event.target as Node;
      if (!menuRef.current?.contains(target) && !buttonRef.current?.contains(target)) setOpen(false);
    }
    document.addEventListener("pointerdown", onPointerDown);
    return () => document.removeEventListener("pointerdown", onPointerDown);
  }, [open, focusOnOpen, items]);

  function openWith(which: "first" | "last") {
    setFocusOnOpen(which);
    setOpen(true);
  }

  function onTriggerKeyDown(event: KeyboardEvent<HTMLButtonElement>) {
    if (event.key === "ArrowDown" || event.key === "Enter" || event.key === " ") {
      event.preventDefault();
      openWith("first");
    } else if (event.key === "ArrowUp") {
      event.preventDefault();
      openWith("last");
    }
  }

  function onMenuKeyDown(event: KeyboardEvent<HTMLDivElement>) {
    const list = items();
    const index = list.indexOf(document.activeElement as HTMLElement);
    const move = (to: number) => {
      event.preventDefault();
      list[(to + list.length) % list.length]?.focus();
    };
    switch (event.key) {
      case "ArrowDown":
        return move(index + 1);
      case "ArrowUp":
        return move(index < 0 ? list.length - 1 : index - 1);
      case "Home":
        return move(0);
      case "End":
        return move(list.length - 1);
      case "Escape":
        event.preventDefault();
        return close(true);
      case "Tab":
        return close(false);
      case " ":
        // Space activates links too, as it does buttons.
        if (document.activeElement instanceof HTMLAnchorElement) {
          event.preventDefault();
          document.activeElement.click();
        }
        return;
      default:
        if (event.key.length === 1 && /\S/.test(event.key)) {
          const letter = event.key.toLowerCase();
          const order = [...list.slice(index + 1), ...list.slice(0, index + 1)];
          order.find((el) => el.textContent?.trim().toLowerCase().startsWith(letter))?.focus();
        }
    }
  }

  return (
    <div className={cx("relative", className)}>
      <button
        ref={buttonRef}
        type="button"
        aria-haspopup="menu"
        aria-expanded={open}
        aria-controls={open ? menuId : undefined}
        onClick={() => (open ? setOpen(false) : openWith("first"))}
        onKeyDown={onTriggerKeyDown}
        className={triggerClassName}
      >
        {trigger}
      </button>
      {open && (
        <div
          ref={menuRef}
          id={menuId}
          role="menu"
          aria-label={label}
          tabIndex={-1}
          onKeyDown={onMenuKeyDown}
          onClick={(event) => {
            const item = (event.target as HTMLElement).closest(ITEM_SELECTOR);
            // A submit button must stay mounted until its form has been submitted.
            const submits = item instanceof HTMLButtonElement && item.type === "submit";
            if (item && !submits) close(false);
          }}
          className={cx(
            "absolute z-50 mt-2 w-72 max-w-[calc(100vw-1.5rem)] origin-top animate-fade-in rounded-lg border border-line bg-surface p-1 shadow-popover",
            align === "end" ? "right-0" : "left-0",
          )}
        >
          {children}
        </div>
      )}
    </div>
  );
}

const itemClasses =
  "flex w-full cursor-pointer items-center gap-2.5 rounded-md px-2.5 py-2 text-left text-sm text-ink outline-none hover:bg-subtle focus:bg-subtle focus-visible:outline-2 focus-visible:-outline-offset-2 focus-visible:outline-accent-600";

export function MenuLinkItem({
  className,
  checked,
  ...rest
}: ComponentProps<typeof Link> & { checked?: boolean }) {
  return (
    <Link
      role={checked === undefined ? "menuitem" : "menuitemradio"}
      aria-checked={checked}
      tabIndex={-1}
      className={cx(itemClasses, className)}
      {...rest}
    />
  );
}

/** A plain link as a menu item, for files the browser should download rather than route to. */
export function MenuAnchorItem({ className, ...rest }: ComponentProps<"a">) {
  return <a role="menuitem" tabIndex={-1} className={cx(itemClasses, className)} {...rest} />;
}

export function MenuButtonItem({ className, type = "button", ...rest }: ComponentProps<"button">) {
  return (
    <button role="menuitem" tabIndex={-1} type={type} className={cx(itemClasses, className)} {...rest} />
  );
}

export function MenuSeparator() {
  return <div role="separator" className="-mx-1 my-1 h-px bg-line" />;
}

/** A labelled group of items, e.g. "Your teams". */
export function MenuGroup({ label, children }: { label: string; children: ReactNode }) {
  const id = useId();
  return (
    <div role="group" aria-labelledby={id}>
      <div id={id} className="px-2.5 pt-2 pb-1 text-xs font-medium text-muted">
        {label}
      </div>
      {children}
    </div>
  );
}
