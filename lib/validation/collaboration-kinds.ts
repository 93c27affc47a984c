/** Enumerations shared by the database schema and the API schemas (no imports: safe everywhere). */
/** The longest comment, in characters. */
export const COMMENT_MAX_CHARS = 10_000;

export const FEASIBILITY_VERDICTS = ["feasible", "concerns", "not_feasible"] as const;
export type FeasibilityVerdict = (typeof FEASIBILITY_VERDICTS)[number];

export const NOTIFICATION_KINDS = ["mention", "reply", "item_changed"] as const;
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];
