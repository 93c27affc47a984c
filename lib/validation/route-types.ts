import type { Endpoint } from "./endpoint";

/**
 * An endpoint as browser code calls it: its method and path, with the endpoint's type carried along
 * (never set at run time) so that callers get the body, query and answer types of the contract.
 */
export interface Route<E extends Endpoint = Endpoint> {
  method: E["method"];
  path: E["path"];
  readonly __endpoint?: E;
}

/** The routes of one group of endpoints (a module of lib/validation/endpoints). */
export type Routes<M> = { [K in keyof M]: M[K] extends Endpoint ? Route<M[K]> : never };

/** The endpoint a route stands for. */
export type EndpointOf<R> = R extends Route<infer E> ? E : never;
