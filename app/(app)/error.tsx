"use client";

import { ErrorMessage } from "@/components/feedback/error-message";

export default function AppError({
  error,
  reset,
}: {
  error: Error & { digest?: string };
  reset: () => void;
}) {
  return <ErrorMessage error={error} reset={reset} />;
}
