/**
 * Admin endpoints under /_emulator (no token needed, no faults, not counted in stats):
 *   POST /_emulator/token        {"user","expiresInSeconds"} -> {"access_token","token_type","expires_in"}
 *   GET|POST /_emulator/scenario  read / replace the scenario
 *   POST|DELETE|GET /_emulator/faults  Faults (faults.ts); counted faults take `skip` to fail exactly
 *                                the Nth Graph request from now: {"serverError":{"skip":2,"count":1}} fails the
 *                                3rd; {"drop":{"skip":0,"count":1,"afterHandling":true}} acts, then loses the answer
 *   POST /_emulator/planner/tasks/{id}/progress {"user","percentComplete": 0|50|100} -> the task (Graph-shaped):
 *                                a member of the plan's group changes it as in Planner (new eTag, completedBy)
 *   GET /_emulator/landed?team=<id>  the team's channels with their messages and its group's plans with
 *                                buckets, tasks and details, people named (landed.ts): the demo's read-only view
 *   GET /_emulator/stats, POST /_emulator/stats/reset, GET /_emulator/health
 *   GET /_emulator/mail          the mail sent (POST /me/sendMail) since the scenario was loaded
 *   POST /_emulator/mail/deliver {"from","to","subject","body","headers"} -> {"id","deliveredTo"}: mail from
 *                                outside the tenant, stamped X-MS-Exchange-Organization-AuthAs: Anonymous
 *   GET /_emulator/authorize     the sign-in page (signIn.ts; HTML, served before these by server.ts)
 */

import { issueToken, userForToken } from './auth';
import { GraphError } from './errors';
import { landedView } from './landed';
import { deliverFromOutside, sentMail } from './routes/mail';
import { setTaskProgress } from './routes/planner';
import { validateFaults, type Faults, type FaultController } from './faults';
import { ScenarioError } from './scenario/validate';
import type { Scenario } from './scenario/types';
import type { State } from './state';
import type { Stats } from './stats';
import { resolvedSummary } from './summary';

export interface AdminEnv {
  state(): State;
  now(): number;
  loadScenario(s: Scenario): void;
  faults: FaultController;
  stats: Stats;
}

export interface AdminResult {
  status: number;
  body: unknown;
}

const fail = (status: number, code: string, message: string): AdminResult => ({ status, body: { error: { code, message } } });

function tokenResponse(env: AdminEnv, body: unknown): AdminResult {
  const b = (body ?? {}) as { user?: unknown; expiresInSeconds?: unknown };
  if (typeof b.user !== 'string' || b.user === '') return fail(400, 'BadRequest', 'Give "user": a user id, userPrincipalName or mail.');
  const lifetime = b.expiresInSeconds === undefined ? 3600 : b.expiresInSeconds;
  if (typeof lifetime !== 'number' || !Number.isFinite(lifetime)) return fail(400, 'BadRequest', '"expiresInSeconds" must be a number.');
  const user = userForToken(env.state(), b.user);
  if (!user) return fail(400, 'UnknownUser', `No user "${b.user}" who can sign in is in the scenario.`);
  return {
    status: 200,
    body: { access_token: issueToken(env.state(), user, env.now(), Math.trunc(lifetime)), token_type: 'Bearer', expires_in: Math.trunc(lifetime) },
  };
}

export function handleAdmin(env: AdminEnv, method: string, path: string, body: unknown, query: URLSearchParams = new URLSearchParams()): AdminResult {
  const route = `${method} ${path.replace(/\/+$/, '')}`;
  const progress = /^POST \/_emulator\/planner\/tasks\/([^/]+)\/progress$/.exec(route);
  if (progress) {
    const b = (body ?? {}) as { user?: unknown; percentComplete?: unknown };
    try {
      return { status: 200, body: setTaskProgress(env.state(), env.now(), decodeURIComponent(progress[1] ?? ''), b.user, b.percentComplete) };
    } catch (e) {
      if (e instanceof GraphError) return fail(e.status, e.code, e.message);
      if (e instanceof URIError) return fail(400, 'BadRequest', 'The task id is not valid percent-encoding.');
      throw e;
    }
  }
  switch (route) {
    case 'GET /_emulator/health':
      return { status: 200, body: { status: 'ok', scenario: env.state().scenario.name, now: new Date(env.now()).toISOString() } };
    case 'POST /_emulator/token':
      return tokenResponse(env, body);
    case 'GET /_emulator/scenario': {
      const state = env.state();
      return { status: 200, body: { ...state.scenario, resolved: resolvedSummary(state, env.now()) } };
    }
    case 'POST /_emulator/scenario':
      try {
        env.loadScenario(body as Scenario);
        return { status: 200, body: { status: 'loaded', scenario: env.state().scenario.name } };
      } catch (e) {
        if (e instanceof ScenarioError) return { status: 400, body: { error: { code: 'InvalidScenario', message: e.message, problems: e.problems } } };
        throw e;
      }
    case 'GET /_emulator/faults':
      return { status: 200, body: env.faults.current() };
    case 'POST /_emulator/faults':
      try {
        env.faults.set(validateFaults(body) as Faults);
        return { status: 200, body: env.faults.current() };
      } catch (e) {
        return fail(400, 'InvalidFaults', (e as Error).message);
      }
    case 'DELETE /_emulator/faults':
      env.faults.clear();
      return { status: 200, body: env.faults.current() };
    case 'GET /_emulator/mail':
      return { status: 200, body: { value: sentMail(env.state()) } };
    case 'POST /_emulator/mail/deliver':
      try {
        return { status: 201, body: deliverFromOutside(env.state(), env.now(), body) };
      } catch (e) {
        if (e instanceof GraphError) return fail(e.status, e.code, e.message);
        throw e;
      }
    case 'GET /_emulator/landed':
      try {
        return { status: 200, body: landedView(env.state(), query.get('team')) };
      } catch (e) {
        if (e instanceof GraphError) return fail(e.status, e.code, e.message);
        throw e;
      }
    case 'GET /_emulator/stats':
      return { status: 200, body: env.stats.snapshot() };
    case 'POST /_emulator/stats/reset':
      env.stats.reset();
      return { status: 200, body: env.stats.snapshot() };
    default:
      return fail(404, 'NotFound', `No admin endpoint ${method} ${path}. See emulator/README.md.`);
  }
}
