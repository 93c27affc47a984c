import type { ReactNode } from "react";
import { errorMessage } from "@/lib/client/api";
import { Alert } from "./alert";
import { Button } from "./button";
import type { ButtonSize } from "./button-classes";

/** The placeholder while a query loads: `children` (skeletons) shown, `label` announced. */
export function LoadingStatus({
  label,
  className,
  children,
}: {
  label: string;
  className?: string;
  children: ReactNode;
}) {
  return (
    <div role="status" className={className}>
      <span className="sr-only">{label}</span>
      {children}
    </div>
  );
}

/** A query that failed with nothing to show: what could not be loaded, why, and "Try again". */
export function LoadError({
  title,
  error,
  onRetry,
}: {
  title: string;
  error: unknown;
  onRetry: () => unknown;
}) {
  return (
    <Alert
      tone="error"
      title={title}
      actions={
        <Button size="sm" variant="secondary" onClick={() => onRetry()}>
          Try again
        </Button>
      }
    >
      {errorMessage(error)}
    </Alert>
  );
}

/** Loads an infinite query's next page, with a spinner (and `loadingLabel`) while it comes. */
export function LoadMoreButton({
  query,
  label,
  loadingLabel = label,
  size,
  className,
}: {
  query: { isFetchingNextPage: boolean; fetchNextPage: () => unknown };
  label: string;
  loadingLabel?: string;
  size?: ButtonSize;
  className?: string;
}) {
  return (
    <Button
      variant="secondary"
      size={size}
      className={className}
      loading={query.isFetchingNextPage}
      onClick={() => void query.fetchNextPage()}
    >
      {query.isFetchingNextPage ? loadingLabel : label}
    </Button>
  );
}
