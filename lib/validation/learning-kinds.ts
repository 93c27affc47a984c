// The enumerations of #18's tables and contract, without zod, for db/schema to import.

export const FORECAST_METHODS = ["pert", "history"] as const;
export type ForecastMethod = (typeof FORECAST_METHODS)[number];

export const FORECAST_RECORD_REASONS = ["review", "daily"] as const;
export type ForecastRecordReason = (typeof FORECAST_RECORD_REASONS)[number];
