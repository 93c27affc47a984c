/** The comparison of a scenario with its live roadmap, under the live roadmap's Scenarios section. */
export function scenarioCompareHref(
  baseId: string,
  scenarioId: string,
  options: { apply?: boolean } = {},
): string {
  return `/roadmaps/${baseId}/scenarios/${scenarioId}${options.apply ? "?apply=1" : ""}`;
}
