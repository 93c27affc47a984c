import { redirect } from "next/navigation";
import Link from "next/link";
import { CairnLogo } from "@/components/brand/logo";
import { CapabilityGrid } from "@/components/landing/capability-grid";
import { RoadmapPreview } from "@/components/landing/roadmap-preview";
import { ButtonLink } from "@/components/ui/button-link";
import { ArrowRightIcon } from "@/components/ui/icons";
import { currentActor } from "@/lib/server/session";
import { listTeamsForUser } from "@/lib/services/teams/teams";

export default async function HomePage() {
  const { actor, db } = await currentActor();
  if (actor) {
    const [first] = await listTeamsForUser(db, actor.userId);
    redirect(first ? `/teams/${first.slug}` : "/teams");
  }

  return (
    <div className="flex min-h-dvh flex-col">
      <header className="mx-auto flex w-full max-w-6xl items-center justify-between gap-4 px-4 py-4 sm:px-6 lg:px-8">
        <Link href="/" className="rounded-md">
          <CairnLogo />
        </Link>
        <nav aria-label="Account" className="flex items-center gap-2">
          <ButtonLink href="/signin" variant="ghost">
            Sign in
          </ButtonLink>
          <ButtonLink href="/register" variant="primary">
            Create an account
          </ButtonLink>
        </nav>
      </header>

      <main id="main" className="flex-1">
        <section className="mx-auto max-w-6xl px-4 pt-12 pb-16 sm:px-6 sm:pt-20 lg:px-8">
          <div className="mx-auto max-w-3xl text-center">
            <p className="inline-flex items-center gap-2 rounded-full border border-line bg-surface px-3 py-1 text-[13px] font-medium text-ink-soft shadow-xs">
              <span className="size-1.5 rounded-full bg-accent-500" />
              Product roadmaps, planned together
            </p>
            <h1 className="mt-6 text-4xl font-semibold tracking-tight text-balance text-ink sm:text-5xl sm:leading-[1.1]">
              Plan the next 18 months with the whole team
            </h1>
            <p className="mx-auto mt-5 max-w-2xl text-base leading-7 text-pretty text-muted sm:text-lg sm:leading-8">
              Cairn is where product teams draft, co-edit and communicate their roadmap: quarterly milestones,
              the work and people behind them, the risks, and the reviews that keep everyone aligned.
            </p>
            <div className="mt-8 flex flex-col justify-center gap-3 sm:flex-row">
              <ButtonLink href="/register" variant="primary" size="lg">
                Create an account
                <ArrowRightIcon className="size-4" />
              </ButtonLink>
              <ButtonLink href="/signin" variant="secondary" size="lg">
                Sign in
              </ButtonLink>
            </div>
          </div>
          <RoadmapPreview className="mx-auto mt-14 max-w-5xl sm:mt-16" />
        </section>

        <section aria-labelledby="capabilities" className="border-t border-line bg-surface/60">
          <div className="mx-auto max-w-6xl px-4 py-16 sm:px-6 sm:py-20 lg:px-8">
            <div className="max-w-2xl">
              <h2 id="capabilities" className="text-2xl font-semibold tracking-tight text-ink sm:text-3xl">
                Everything a roadmap needs to hold up
              </h2>
              <p className="mt-3 text-[15px] leading-7 text-muted">
                From the first draft to the quarterly review: the plan, the people to deliver it, what could
                go wrong, and how confident you can be.
              </p>
            </div>
            <div className="mt-10">
              <CapabilityGrid />
            </div>
          </div>
        </section>
      </main>

      <footer className="border-t border-line">
        <div className="mx-auto flex max-w-6xl flex-wrap items-center justify-between gap-3 px-4 py-6 text-sm text-muted sm:px-6 lg:px-8">
          <span className="inline-flex items-center gap-2">
            <CairnLogo className="scale-90" />
          </span>
          <span>Roadmaps for product teams who plan in the open.</span>
        </div>
      </footer>
    </div>
  );
}
