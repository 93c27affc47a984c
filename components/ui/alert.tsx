import type { ReactNode } from "react";
import { cx } from "./cx";
import { AlertIcon, CheckCircleIcon, ErrorIcon, InfoIcon } from "./icons";

export type AlertTone = "error" | "warning" | "success" | "info";

const TONES: Record<AlertTone, { box: string; icon: ReactNode }> = {
  error: { box: "border-danger-200 bg-danger-50 text-danger-700", icon: <ErrorIcon className="size-4" /> },
  warning: {
    box: "border-warning-200 bg-warning-50 text-warning-800",
    icon: <AlertIcon className="size-4" />,
  },
  success: {
    box: "border-success-200 bg-success-50 text-success-800",
    icon: <CheckCircleIcon className="size-4" />,
  },
  info: { box: "border-[#c9d7ef] bg-[#eef3fb] text-[#24467a]", icon: <InfoIcon className="size-4" /> },
};

export interface AlertProps {
  tone?: AlertTone;
  title?: ReactNode;
  children?: ReactNode;
  actions?: ReactNode;
  className?: string;
  id?: string;
}

/** A message in the page. Errors are announced at once (role=alert); the rest politely. */
export function Alert({ tone = "error", title, children, actions, className, id }: AlertProps) {
  const { box, icon } = TONES[tone];
  return (
    <div
      id={id}
      role={tone === "error" ? "alert" : "status"}
      className={cx("flex gap-2.5 rounded-lg border px-3.5 py-3 text-sm leading-5", box, className)}
    >
      <span className="mt-0.5 shrink-0">{icon}</span>
      <div className="min-w-0 flex-1">
        {title && <p className="font-semibold">{title}</p>}
        {children && <div className={cx(title ? "mt-0.5" : undefined, "break-words")}>{children}</div>}
        {actions && <div className="mt-2.5 flex flex-wrap gap-2">{actions}</div>}
      </div>
    </div>
  );
}
