/** Running one Graph operation (a plain request or a $batch item) against the current state. */

import { errorBody, GraphError } from './errors';
import type { GraphRequest, GraphResult } from './http';
import type { Router } from './router';
import type { State } from './state';
import type { Stats } from './stats';

export interface ExecEnv {
  router: Router;
  state: State;
  now: number;
  baseUrl: string;
  stats: Stats;
}

export interface RequestIds {
  requestId: string;
  clientRequestId: string;
}

export function errorResult(err: GraphError, ids: RequestIds, now: number): GraphResult {
  return {
    status: err.status,
    headers: { 'Content-Type': 'application/json', ...err.headers },
    body: errorBody(err, { ...ids, date: new Date(now) }),
  };
}

export function unexpected(e: unknown): GraphError {
  return new GraphError(500, 'InternalServerError', `The emulator failed: ${(e as Error)?.message ?? String(e)}`);
}

/** "GET /me/calendarView"-style key of the route a request would take, for stats. */
export function routeKey(router: Router, method: string, path: string): string {
  try {
    const m = router.resolve(method, path);
    return `${m.route.method} ${m.route.template}`;
  } catch {
    return `${method} (unmatched)`;
  }
}

/** Route and run; every failure becomes a Graph error result. Counts the route in stats. */
export function execute(env: ExecEnv, req: GraphRequest, ids: RequestIds): GraphResult {
  let routeKey = `${req.method} (unmatched)`;
  try {
    const match = env.router.resolve(req.method, req.path);
    routeKey = `${match.route.method} ${match.route.template}`;
    env.stats.route(routeKey);
    return match.handler({ req, state: env.state, now: env.now, baseUrl: env.baseUrl, params: match.params });
  } catch (e) {
    if (routeKey.endsWith('(unmatched)')) env.stats.route(routeKey);
    return errorResult(e instanceof GraphError ? e : unexpected(e), ids, env.now);
  }
}
