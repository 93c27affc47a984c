import type { Metadata } from "next";
import Link from "next/link";
import { CairnLogo } from "@/components/brand/logo";
import { NotFoundMessage } from "@/components/errors/not-found-message";

export const metadata: Metadata = { title: "Page not found" };

export default function NotFound() {
  return (
    <div className="flex min-h-dvh flex-col">
      <header className="px-6 py-5">
        <Link href="/" className="inline-flex rounded-md">
          <CairnLogo />
        </Link>
      </header>
      <main id="main" className="flex flex-1 items-center justify-center pb-24">
        <NotFoundMessage />
      </main>
    </div>
  );
}
