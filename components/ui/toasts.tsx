"use client";

import { useEffect, useRef, useState, useSyncExternalStore } from "react";
import { createRoot } from "react-dom/client";
import { Button } from "@/components/ui/button";
import { cx } from "@/components/ui/cx";
import { AlertIcon, CheckCircleIcon, ErrorIcon, InfoIcon, XIcon } from "@/components/ui/icons";

/*
 * Toasts: undo after a delete, a change someone else made first, a refused link, a copied picture.
 * They live in their own React root on <body>, so that a toast outlives the page that raised it
 * (deleting a roadmap goes back to the team page, and its "Undo" must still be there). They sit at
 * the bottom left, clear of the item panel's buttons on the right.
 */

export interface ToastAction {
  label: string;
  onClick: () => void | Promise<unknown>;
  primary?: boolean;
}

export interface ToastInput {
  tone: "info" | "success" | "warning" | "error";
  title?: string;
  message: string;
  actions?: ToastAction[];
  /** Milliseconds before it goes by itself; null keeps it until dismissed. Paused while hovered or focused. */
  timeoutMs?: number | null;
}

interface Toast extends ToastInput {
  id: number;
}

let toasts: Toast[] = [];
let nextId = 1;
const listeners = new Set<() => void>();
let mounted = false;

function emit() {
  listeners.forEach((notify) => notify());
}

function subscribe(notify: () => void) {
  listeners.add(notify);
  return () => listeners.delete(notify);
}

/** Creates the toast region once; call early (on mount) so that screen readers know the live region. */
export function ensureToastHost() {
  if (mounted || typeof document === "undefined") return;
  mounted = true;
  const host = document.createElement("div");
  host.setAttribute("data-cairn-toasts", "");
  document.body.appendChild(host);
  createRoot(host).render(<ToastViewport />);
}

export function showToast(input: ToastInput): number {
  ensureToastHost();
  const toast: Toast = { timeoutMs: input.tone === "error" ? null : 8000, ...input, id: nextId++ };
  toasts = [...toasts.slice(-3), toast];
  emit();
  return toast.id;
}

export function dismissToast(id: number) {
  toasts = toasts.filter((t) => t.id !== id);
  emit();
}

const TONES = {
  info: { icon: <InfoIcon className="size-4 text-[#24467a]" />, ring: "border-line" },
  success: { icon: <CheckCircleIcon className="size-4 text-success-800" />, ring: "border-success-200" },
  warning: { icon: <AlertIcon className="size-4 text-warning-800" />, ring: "border-warning-200" },
  error: { icon: <ErrorIcon className="size-4 text-danger-700" />, ring: "border-danger-200" },
} as const;

function ToastCard({ toast }: { toast: Toast }) {
  const [paused, setPaused] = useState(false);
  const [busy, setBusy] = useState(false);
  const timer = useRef<ReturnType<typeof setTimeout>>(undefined);

  useEffect(() => {
    if (paused || toast.timeoutMs == null) return;
    timer.current = setTimeout(() => dismissToast(toast.id), toast.timeoutMs);
    return () => clearTimeout(timer.current);
  }, [paused, toast.id, toast.timeoutMs]);

  async function run(action: ToastAction) {
    setBusy(true);
    try {
      await action.onClick();
    } finally {
      setBusy(false);
      dismissToast(toast.id);
    }
  }

  const tone = TONES[toast.tone];
  return (
    <div
      onPointerEnter={() => setPaused(true)}
      onPointerLeave={() => setPaused(false)}
      onFocus={() => setPaused(true)}
      onBlur={() => setPaused(false)}
      className={cx(
        "pointer-events-auto flex w-full gap-3 rounded-lg border bg-surface px-3.5 py-3 text-sm text-ink shadow-popover animate-fade-in",
        tone.ring,
      )}
    >
      <span className="mt-0.5 shrink-0">{tone.icon}</span>
      <div className="min-w-0 flex-1">
        {toast.title && <p className="font-semibold">{toast.title}</p>}
        <p className={cx("break-words leading-5", toast.title && "mt-0.5 text-ink-soft")}>{toast.message}</p>
        {toast.actions && toast.actions.length > 0 && (
          <div className="mt-2.5 flex flex-wrap gap-2">
            {toast.actions.map((action) => (
              <Button
                key={action.label}
                size="sm"
                variant={action.primary ? "primary" : "secondary"}
                loading={busy}
                onClick={() => run(action)}
              >
                {action.label}
              </Button>
            ))}
          </div>
        )}
      </div>
      <button
        type="button"
        onClick={() => dismissToast(toast.id)}
        className="-mt-1 -mr-1.5 flex size-7 shrink-0 items-center justify-center rounded-md text-muted hover:bg-subtle hover:text-ink"
      >
        <XIcon className="size-4" />
        <span className="sr-only">Dismiss message</span>
      </button>
    </div>
  );
}

function ToastViewport() {
  const list = useSyncExternalStore(
    subscribe,
    () => toasts,
    () => toasts,
  );
  const polite = list.filter((t) => t.tone !== "error");
  const urgent = list.filter((t) => t.tone === "error");
  return (
    <div className="pointer-events-none fixed inset-x-3 bottom-20 z-[60] flex flex-col items-center gap-2 sm:inset-x-auto sm:bottom-4 sm:left-4 sm:w-[26rem] sm:items-start">
      <div role="status" aria-live="polite" className="flex w-full flex-col gap-2">
        {polite.map((t) => (
          <ToastCard key={t.id} toast={t} />
        ))}
      </div>
      <div role="alert" aria-live="assertive" className="flex w-full flex-col gap-2">
        {urgent.map((t) => (
          <ToastCard key={t.id} toast={t} />
        ))}
      </div>
    </div>
  );
}
