export * from "./users";
export * from "./teams";
export * from "./roadmaps";
export * from "./activity";
export * from "./rate-limits";
export * from "./collaboration";
export * from "./resources";
export * from "./communication";
