import { Skeleton } from "@/components/ui/skeleton";

export default function RoadmapLoading() {
  return (
    <div
      role="status"
      aria-live="polite"
      className="mx-auto flex w-full max-w-[1800px] flex-col gap-4 px-3 py-4 sm:px-6"
    >
      <span className="sr-only">Loading the roadmap…</span>
      <Skeleton className="h-4 w-56" />
      <Skeleton className="h-8 w-80 max-w-full" />
      <Skeleton className="h-9 w-full max-w-xl" />
      <Skeleton className="h-[60vh] w-full" />
    </div>
  );
}
