/**
 * Planner, listing only: GET /groups/{id}/planner/plans, /planner/plans/{id},
 * /planner/plans/{id}/buckets. A plan belongs to a group (here: a team, whose id is the group's);
 * only the group's members may read it (403 otherwise, "Common Planner error conditions").
 */

import { GraphError } from '../errors';
import { ok, type GraphResult } from '../http';
import { etagFrom } from '../ids';
import { collectionBody, paginate } from '../odata';
import type { HandlerContext, Router } from '../router';
import type { PlannerBucketModel, PlannerPlanModel, Team } from '../state';
import { formatUtc } from '../timezones';

// Planner's error texts are not documented per case; these are the emulator's.
const forbidden = (): GraphError => new GraphError(403, 'Forbidden', 'You do not have the required permissions to access this item.');
const notFound = (): GraphError => new GraphError(404, 'NotFound', 'The requested item is not found.');
/** The Application id Planner records as the creator's app (the Planner web app's). */
const PLANNER_APP_ID = '09abbdfd-ed23-44ee-a2d9-a627aa1c90f3';

function groupForMember(ctx: HandlerContext, groupId: string): Team {
  const team = ctx.state.teams.find((t) => t.id.toLowerCase() === groupId.toLowerCase());
  if (!team) throw new GraphError(404, 'Request_ResourceNotFound', `Resource '${groupId}' does not exist or one of its queried reference-property objects are not present.`);
  if (!team.memberIds.has(ctx.req.caller.id)) throw forbidden();
  return team;
}

function planForMember(ctx: HandlerContext): PlannerPlanModel {
  const plan = ctx.state.plans.find((p) => p.id === ctx.params.planId);
  if (!plan) throw notFound();
  groupForMember(ctx, plan.groupId);
  return plan;
}

function planJson(ctx: HandlerContext, p: PlannerPlanModel): Record<string, unknown> {
  return {
    '@odata.etag': etagFrom(`plan|${p.id}`),
    createdDateTime: formatUtc(p.createdDateTime),
    owner: p.groupId,
    title: p.title,
    id: p.id,
    createdBy: {
      user: { displayName: null, id: p.createdBy },
      application: { displayName: null, id: PLANNER_APP_ID },
    },
    container: { containerId: p.groupId, type: 'group', url: `https://graph.microsoft.com/v1.0/groups/${p.groupId}` },
  };
}

function bucketJson(b: PlannerBucketModel): Record<string, unknown> {
  return { '@odata.etag': etagFrom(`bucket|${b.id}`), name: b.name, planId: b.planId, orderHint: b.orderHint, id: b.id };
}

function listGroupPlans(ctx: HandlerContext): GraphResult {
  const team = groupForMember(ctx, ctx.params.groupId ?? '');
  const plans = ctx.state.plans.filter((p) => p.groupId === team.id).map((p) => planJson(ctx, p));
  const page = paginate(plans, ctx.req, { baseUrl: ctx.baseUrl, defaultPageSize: 100, maxPageSize: 999, paging: 'skiptoken' });
  return ok(collectionBody(`${ctx.baseUrl}/$metadata#groups('${team.id}')/planner/plans`, page.items, { nextLink: page.nextLink }));
}

function getPlan(ctx: HandlerContext): GraphResult {
  const plan = planForMember(ctx);
  return ok({ '@odata.context': `${ctx.baseUrl}/$metadata#planner/plans/$entity`, ...planJson(ctx, plan) });
}

function listBuckets(ctx: HandlerContext): GraphResult {
  const plan = planForMember(ctx);
  const buckets = plan.buckets.map(bucketJson);
  const page = paginate(buckets, ctx.req, { baseUrl: ctx.baseUrl, defaultPageSize: 100, maxPageSize: 999, paging: 'skiptoken' });
  return ok(collectionBody(`${ctx.baseUrl}/$metadata#planner/plans('${plan.id}')/buckets`, page.items, { nextLink: page.nextLink }));
}

export function registerPlannerRoutes(r: Router): void {
  r.add('GET', '/groups/{groupId}/planner/plans', listGroupPlans);
  r.add('GET', '/planner/plans/{planId}', getPlan);
  r.add('GET', '/planner/plans/{planId}/buckets', listBuckets);
}
