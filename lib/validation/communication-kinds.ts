/** Enumerations shared by the database schema and the API schemas (no imports: safe everywhere). */
export const AUDIENCES = ["executive", "engineering", "product"] as const;
export type Audience = (typeof AUDIENCES)[number];

/** An audience as a word in labels and sentences. */
export const AUDIENCE_LABELS: Record<Audience, string> = {
  executive: "Executive",
  engineering: "Engineering",
  product: "Product",
};

/** api.md's cadence intervals: weekly, fortnightly, monthly, quarterly. */
export const CADENCE_INTERVALS = ["1w", "2w", "1m", "1q"] as const;
export type CadenceInterval = (typeof CADENCE_INTERVALS)[number];

/** Why a snapshot was taken. */
export const SNAPSHOT_KINDS = ["manual", "review", "feedback", "gate", "auto_schedule", "import"] as const;
export type SnapshotKind = (typeof SNAPSHOT_KINDS)[number];

export const EXPORT_FORMATS = ["json", "csv", "md", "ics"] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

/** The largest roadmap file an import accepts. */
export const MAX_IMPORT_BYTES = 10 * 1024 * 1024;
