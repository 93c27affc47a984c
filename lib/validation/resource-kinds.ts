/** Enumerations shared by the database schema and the API schemas (no imports: safe everywhere). */
export const RISK_KINDS = ["roadblock", "dependency", "external"] as const;
export type RiskKind = (typeof RISK_KINDS)[number];

export const RISK_STATUSES = ["open", "mitigating", "closed"] as const;
export type RiskStatus = (typeof RISK_STATUSES)[number];

/** Forecast runs when the caller does not say. */
export const DEFAULT_FORECAST_RUNS = 5_000;
