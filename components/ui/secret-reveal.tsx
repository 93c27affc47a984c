"use client";

import type { ReactNode } from "react";
import { Alert } from "./alert";
import { Button } from "./button";
import { CopyField } from "./copy-field";

/**
 * A secret shown this once (an API token, a webhook's signing secret) with a copy button, why it
 * cannot be shown again, anything else worth knowing (`children`), and Done.
 */
export function SecretReveal({
  title,
  explanation,
  heading,
  secret,
  label,
  onDone,
  children,
}: {
  title: string;
  explanation: ReactNode;
  /** Above the secret, e.g. "Your token". */
  heading: string;
  secret: string;
  /** Names the secret for screen readers, e.g. "API token". */
  label: string;
  onDone: () => void;
  children?: ReactNode;
}) {
  return (
    <div className="flex flex-col gap-4">
      <Alert tone="success" title={title}>
        {explanation}
      </Alert>
      <div className="flex flex-col gap-1.5">
        <p className="text-[13px] font-medium text-ink">{heading}</p>
        <CopyField value={secret} label={label} />
      </div>
      {children}
      <div>
        <Button variant="secondary" onClick={onDone}>
          Done
        </Button>
      </div>
    </div>
  );
}
