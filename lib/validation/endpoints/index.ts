import type { Endpoint } from "../endpoint";
import * as accounts from "./accounts";
import * as meta from "./meta";
import * as teams from "./teams";

export { accounts, meta, teams };

/** Every operation of the API, for the OpenAPI document and the route-coverage test. */
export const allEndpoints: Endpoint[] = [
  ...Object.values(accounts),
  ...Object.values(teams),
  ...Object.values(meta),
] as Endpoint[];
