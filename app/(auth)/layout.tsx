import Link from "next/link";
import { CairnLogo } from "@/components/brand/logo";

export default function AuthLayout({ children }: { children: React.ReactNode }) {
  return (
    <div className="flex min-h-dvh flex-col bg-[radial-gradient(ellipse_at_top,var(--color-accent-50),transparent_55%)]">
      <header className="flex justify-center px-4 pt-10 pb-6 sm:pt-16">
        <Link href="/" className="rounded-md">
          <CairnLogo size="lg" />
        </Link>
      </header>
      <main id="main" className="flex flex-1 justify-center px-4 pb-16">
        <div className="w-full max-w-[400px]">{children}</div>
      </main>
    </div>
  );
}
