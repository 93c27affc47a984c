"use client";

import { useEffect } from "react";
import { Button } from "@/components/ui/button";
import { ButtonLink } from "@/components/ui/button-link";
import { AlertIcon } from "@/components/ui/icons";
import { StatusMessage } from "./status-message";

/** What an error boundary shows: calm words, a retry, a way out, and a reference to quote. */
export function ErrorMessage({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  useEffect(() => {
    console.warn("Cairn could not render this page:", error.digest ?? error.message);
  }, [error]);

  return (
    <StatusMessage
      icon={<AlertIcon className="size-5" />}
      eyebrow="Something went wrong"
      title="This page could not be loaded"
      description={
        <>
          <p>
            Nothing you saved was lost. Try again; if it keeps happening, let us know and quote the reference
            below.
          </p>
          {error.digest && <p className="mt-3 font-mono text-xs text-muted">Reference: {error.digest}</p>}
        </>
      }
      actions={
        <>
          <Button variant="primary" onClick={reset}>
            Try again
          </Button>
          <ButtonLink href="/" variant="secondary">
            Go to your roadmaps
          </ButtonLink>
        </>
      }
    />
  );
}
