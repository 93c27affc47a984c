import type { Segment } from "./activity-description";

/** An activity sentence, names quoted and emphasised. */
export function ActivitySentence({ segments }: { segments: Segment[] }) {
  return (
    <>
      {segments.map((segment, i) =>
        typeof segment === "string" ? (
          <span key={i}>{segment}</span>
        ) : (
          <span key={i} className="font-medium text-ink">
            ‘{segment.name}’
          </span>
        ),
      )}
    </>
  );
}
