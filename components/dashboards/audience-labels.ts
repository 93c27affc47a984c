import type { Audience } from "@/lib/validation/communication";

/** Who each audience is, as the interface names them. */
export const AUDIENCE_LABELS: Record<Audience, string> = {
  executive: "Executive",
  engineering: "Engineering",
  product: "Product",
};
