/** Roadmap enumerations and bounds (no imports: safe in browser code and the database schema). */
export const ROADMAP_STATUSES = ["draft", "active", "archived"] as const;
export const HORIZON = { min: 3, max: 36, recommendedMin: 12, recommendedMax: 18, default: 12 } as const;
