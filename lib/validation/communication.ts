/**
 * The communication capabilities' schemas, one file each: review cadence, snapshots and reviews
 * (with the diff), feedback rounds, share links, dashboards (with the shared view), and import.
 */
export * from "./audience";
export * from "./cadence";
export * from "./communication-kinds";
export * from "./dashboards";
export * from "./feedback-rounds";
export * from "./reviews";
export * from "./share-links";
export * from "./transfer";
