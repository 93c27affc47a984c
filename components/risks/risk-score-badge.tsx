import { Badge } from "@/components/ui/badge";
import { LEVEL_INFO, scoreLevel } from "./risk-labels";

/** "20 · High": likelihood x impact, and its level in words. */
export function RiskScoreBadge({ score }: { score: number }) {
  const level = LEVEL_INFO[scoreLevel(score)];
  return (
    <Badge tone={level.tone} className="tabular-nums">
      <span className="sr-only">Score </span>
      {score}
      <span aria-hidden="true">&nbsp;·&nbsp;</span>
      <span className="sr-only">, </span>
      {level.label}
    </Badge>
  );
}
