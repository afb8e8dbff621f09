// Planner, read only for now: the plans of the group behind the team (plannergroup-list-plans) and a
// plan's buckets (plannerplan-list-buckets). Tasks come later; their writes need each object's own
// eTag as If-Match (PLATFORM.md), so the eTags travel on these refs already.

import type { GraphCall, Page } from './graph';
import { obj, optStr, page, str } from './read';

export interface PlannerPlanRef {
  id: string;
  title: string;
  eTag?: string;
}

export interface PlannerBucketRef {
  id: string;
  name: string;
  planId: string;
  orderHint?: string;
  eTag?: string;
}

/** A page of the plans a group owns: run with graph.all(). 403 'forbidden' for someone outside the group. */
export const groupPlans = (groupId: string): GraphCall<Page<PlannerPlanRef>> => ({
  path: `/groups/${encodeURIComponent(groupId)}/planner/plans`,
  parse: (body) =>
    page(body, 'plans', (v, i) => {
      const p = obj(v, `plans[${i}]`);
      return { id: str(p.id, `plans[${i}].id`), title: optStr(p.title) ?? '', eTag: optStr(p['@odata.etag']) };
    }),
});

/** A page of a plan's buckets: run with graph.all(). */
export const planBuckets = (planId: string): GraphCall<Page<PlannerBucketRef>> => ({
  path: `/planner/plans/${encodeURIComponent(planId)}/buckets`,
  parse: (body) =>
    page(body, 'buckets', (v, i) => {
      const b = obj(v, `buckets[${i}]`);
      return {
        id: str(b.id, `buckets[${i}].id`),
        name: optStr(b.name) ?? '',
        planId: str(b.planId, `buckets[${i}].planId`),
        orderHint: optStr(b.orderHint),
        eTag: optStr(b['@odata.etag']),
      };
    }),
});
