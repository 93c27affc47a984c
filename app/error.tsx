"use client";

import Link from "next/link";
import { CairnLogo } from "@/components/brand/logo";
import { ErrorMessage } from "@/components/errors/error-message";

export default function ErrorPage({
  error,
  reset,
}: {
  error: Error & { digest?: string };
  reset: () => void;
}) {
  return (
    <div className="flex min-h-dvh flex-col">
      <header className="px-6 py-5">
        <Link href="/" className="inline-flex rounded-md">
          <CairnLogo />
        </Link>
      </header>
      <main id="main" className="flex flex-1 items-center justify-center pb-24">
        <ErrorMessage error={error} reset={reset} />
      </main>
    </div>
  );
}
