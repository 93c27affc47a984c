import { PageContainer } from "@/components/app-shell/page-container";
import { Skeleton } from "@/components/ui/skeleton";

export default function Loading() {
  return (
    <PageContainer>
      <div role="status" aria-live="polite">
        <span className="sr-only">Loading…</span>
        <Skeleton className="h-7 w-48" />
        <Skeleton className="mt-3 h-4 w-80 max-w-full" />
        <div className="mt-8 overflow-hidden rounded-xl border border-line bg-surface">
          {[0, 1, 2].map((i) => (
            <div key={i} className="flex items-center gap-4 border-b border-line px-5 py-5 last:border-b-0">
              <div className="flex-1">
                <Skeleton className="h-4 w-56 max-w-full" />
                <Skeleton className="mt-2 h-3 w-96 max-w-full" />
              </div>
              <Skeleton className="hidden h-4 w-24 sm:block" />
            </div>
          ))}
        </div>
      </div>
    </PageContainer>
  );
}
