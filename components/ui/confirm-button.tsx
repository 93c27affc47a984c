"use client";

import { useState, type ReactNode } from "react";
import { errorMessage } from "@/lib/client/api";
import { Alert } from "./alert";
import { Button, type ButtonProps } from "./button";
import { Dialog } from "./dialog";

export interface ConfirmButtonProps extends Omit<ButtonProps, "onClick" | "title"> {
  title: ReactNode;
  description: ReactNode;
  confirmLabel: string;
  /** Runs the action; a rejection keeps the dialog open with the error. */
  onConfirm: () => Promise<unknown>;
  tone?: "danger" | "primary";
  /** The trigger's content. */
  children?: ReactNode;
  /** Extra content in the dialog, e.g. a typed confirmation (hold the button with canConfirm=false). */
  body?: ReactNode;
  canConfirm?: boolean;
  /** Called whenever the dialog closes, e.g. to clear what was typed in `body`. */
  onClose?: () => void;
}

/** A button that asks before doing something that cannot simply be undone. */
export function ConfirmButton({
  title,
  description,
  confirmLabel,
  onConfirm,
  tone = "danger",
  body,
  canConfirm = true,
  onClose,
  children,
  ...buttonProps
}: ConfirmButtonProps) {
  const [open, setOpen] = useState(false);
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);

  function close() {
    if (pending) return;
    setOpen(false);
    setError(null);
    onClose?.();
  }

  async function confirm() {
    if (!canConfirm || pending) return;
    setPending(true);
    setError(null);
    try {
      await onConfirm();
      setOpen(false);
      onClose?.();
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setPending(false);
    }
  }

  return (
    <>
      <Button {...buttonProps} onClick={() => setOpen(true)}>
        {children}
      </Button>
      <Dialog
        open={open}
        onClose={close}
        title={title}
        description={description}
        footer={
          <>
            <Button variant="secondary" onClick={close} disabled={pending}>
              Cancel
            </Button>
            <Button
              variant={tone === "danger" ? "danger" : "primary"}
              loading={pending}
              disabled={!canConfirm}
              onClick={confirm}
            >
              {confirmLabel}
            </Button>
          </>
        }
      >
        {(body || error) && (
          <div className="flex flex-col gap-3">
            {body}
            {error && <Alert tone="error">{error}</Alert>}
          </div>
        )}
      </Dialog>
    </>
  );
}
