"use client";

import { ErrorMessage } from "@/components/errors/error-message";

export default function AppError({
  error,
  reset,
}: {
  error: Error & { digest?: string };
  reset: () => void;
}) {
  return <ErrorMessage error={error} reset={reset} />;
}
