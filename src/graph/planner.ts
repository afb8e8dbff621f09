// Planner: the plans of the group behind the team (plannergroup-list-plans), a plan's buckets and
// tasks, creating buckets and tasks, and reading and patching a task and its details. A task's
// details are a separate object with their own eTag: each write sends If-Match with the eTag of the
// object it changes (the task's eTag on the details is 412), never "*", which would overwrite
// blindly (PLATFORM.md). A stale eTag is a 'conflict' Problem. Patches ask for the object back
// (Prefer: return=representation), so the new eTag comes with the answer.
//
// Creates are not idempotent: a POST whose answer was lost (or a 504 after Planner acted, which the
// SDK resends) can leave a task twice. Finding what already exists is the publish plan's business.

import type { PlannerAssignments, PlannerExternalReferences, PlannerTask, PlannerTaskDetails } from '@microsoft/microsoft-graph-types';
import type { GraphCall, GraphWrite, Page } from './graph';
import { obj, optStr, page, str, type Json } from './read';

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

export interface PlannerTaskRef {
  id: string;
  planId: string;
  bucketId?: string;
  title: string;
  /** 0 not started, 1-99 in progress, 100 done. */
  percentComplete: number;
  /** ISO instants. */
  dueDateTime?: string;
  createdDateTime?: string;
  /** The user id of who created it. */
  createdBy?: string;
  completedDateTime?: string;
  /** The user id of who completed it, set by Planner at 100. */
  completedBy?: string;
  /** User ids of the assignees. */
  assigneeIds: string[];
  /** The task's own eTag: If-Match for patchTask, never for its details. */
  eTag: string;
}

export interface PlannerReference {
  /** The URL as it is, decoded from Planner's key. */
  url: string;
  alias?: string;
  type?: string;
}

export interface PlannerTaskDetailsRef {
  /** The task's id (details share it). */
  id: string;
  description: string;
  previewType?: string;
  references: PlannerReference[];
  /** The details' own eTag: If-Match for patchTaskDetails. */
  eTag: string;
}

const enc = encodeURIComponent;
const JSON_HEADERS = { 'Content-Type': 'application/json' } as const;
/** Planner answers a PATCH 204 unless asked for the object (plannertask-update). */
const PATCH_HEADERS = (eTag: string) => ({ ...JSON_HEADERS, Prefer: 'return=representation', 'If-Match': eTag });

const ASSIGNMENT_TYPE = '#microsoft.graph.plannerAssignment';
const REFERENCE_TYPE = '#microsoft.graph.plannerExternalReference';

// ---- external reference keys ----

/**
 * The property name Planner keys an external reference by: the URL with %, ., :, @ and # percent-
 * encoded, since OData open-type property names cannot hold them (plannerexternalreferences:
 * "https%3A//contoso%2Esharepoint%2Ecom/..."). Everything else stays as it is; a % already in the
 * URL becomes %25, so the key decodes back to exactly this URL.
 */
export function plannerReferenceKey(url: string): string {
  return url.replace(/[%.:@#]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}

/** The URL behind a reference key: the inverse of plannerReferenceKey (only those five are decoded). */
export function urlOfReferenceKey(key: string): string {
  return key.replace(/%(25|2E|3A|40|23)/gi, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
}

// ---- reading ----

function userIdOf(identitySet: unknown, what: string): string | undefined {
  if (identitySet === undefined || identitySet === null) return undefined;
  const user = obj(identitySet, what).user;
  return user === undefined || user === null ? undefined : optStr(obj(user, `${what}.user`).id);
}

function bucketRef(v: unknown, what: string): PlannerBucketRef {
  const b = obj(v, what);
  return {
    id: str(b.id, `${what}.id`),
    name: optStr(b.name) ?? '',
    planId: str(b.planId, `${what}.planId`),
    orderHint: optStr(b.orderHint),
    eTag: optStr(b['@odata.etag']),
  };
}

function taskRef(v: unknown, what = 'task'): PlannerTaskRef {
  const t = obj(v, what);
  const assignments = t.assignments === undefined || t.assignments === null ? {} : obj(t.assignments, `${what}.assignments`);
  const percent = t.percentComplete;
  return {
    id: str(t.id, `${what}.id`),
    planId: str(t.planId, `${what}.planId`),
    bucketId: optStr(t.bucketId),
    title: optStr(t.title) ?? '',
    percentComplete: typeof percent === 'number' ? percent : 0,
    dueDateTime: optStr(t.dueDateTime),
    createdDateTime: optStr(t.createdDateTime),
    createdBy: userIdOf(t.createdBy, `${what}.createdBy`),
    completedDateTime: optStr(t.completedDateTime),
    completedBy: userIdOf(t.completedBy, `${what}.completedBy`),
    // An assignment set to null is one being removed; Graph does not answer with those, but skip them.
    assigneeIds: Object.entries(assignments).flatMap(([id, a]) => (a === null ? [] : [id])),
    eTag: str(t['@odata.etag'], `${what}.@odata.etag`),
  };
}

function detailsRef(v: unknown, what = 'taskDetails'): PlannerTaskDetailsRef {
  const d = obj(v, what);
  const refs = d.references === undefined || d.references === null ? {} : obj(d.references, `${what}.references`);
  return {
    id: str(d.id, `${what}.id`),
    description: typeof d.description === 'string' ? d.description : '',
    previewType: optStr(d.previewType),
    references: Object.entries(refs).flatMap(([key, r]) => {
      if (r === null) return [];
      const ref = obj(r, `${what}.references[${key}]`);
      return [{ url: urlOfReferenceKey(key), alias: optStr(ref.alias), type: optStr(ref.type) }];
    }),
    eTag: str(d['@odata.etag'], `${what}.@odata.etag`),
  };
}

/** A PATCH answer: the object with Prefer honoured, undefined on a bare 204 (read it again for its eTag). */
const orUndefined =
  <T>(read: (v: unknown) => T) =>
  (body: unknown): T | undefined =>
    body === undefined ? undefined : read(body);

/** A page of the plans a group owns: run with graph.all(). 403 'forbidden' for someone outside the group. */
export const groupPlans = (groupId: string): GraphCall<Page<PlannerPlanRef>> => ({
  path: `/groups/${enc(groupId)}/planner/plans`,
  parse: (body) =>
    page(body, 'plans', (v, i) => {
      const p = obj(v, `plans[${i}]`);
      return { id: str(p.id, `plans[${i}].id`), title: optStr(p.title) ?? '', eTag: optStr(p['@odata.etag']) };
    }),
});

/** A page of a plan's buckets: run with graph.all(). */
export const planBuckets = (planId: string): GraphCall<Page<PlannerBucketRef>> => ({
  path: `/planner/plans/${enc(planId)}/buckets`,
  parse: (body) => page(body, 'buckets', (v, i) => bucketRef(v, `buckets[${i}]`)),
});

/** A page of a plan's tasks (plannerplan-list-tasks): run with graph.all(), which follows nextLinks. */
export const planTasks = (planId: string): GraphCall<Page<PlannerTaskRef>> => ({
  path: `/planner/plans/${enc(planId)}/tasks`,
  parse: (body) => page(body, 'tasks', (v, i) => taskRef(v, `tasks[${i}]`)),
});

/** A page of a bucket's tasks (plannerbucket-list-tasks): run with graph.all(). */
export const bucketTasks = (bucketId: string): GraphCall<Page<PlannerTaskRef>> => ({
  path: `/planner/buckets/${enc(bucketId)}/tasks`,
  parse: (body) => page(body, 'tasks', (v, i) => taskRef(v, `tasks[${i}]`)),
});

/** One task; undefined when it is gone (deleted in Planner). */
export const task = (taskId: string): GraphCall<PlannerTaskRef | undefined> => ({
  path: `/planner/tasks/${enc(taskId)}`,
  parse: (body) => taskRef(body),
  notFound: () => undefined,
});

/** A task's details, with their own eTag. */
export const taskDetails = (taskId: string): GraphCall<PlannerTaskDetailsRef> => ({
  path: `/planner/tasks/${enc(taskId)}/details`,
  parse: (body) => detailsRef(body),
});

// ---- writing ----

/** A bucket in a plan (planner-post-buckets); " !" asks for the first place. */
export const createBucket = (planId: string, name: string): GraphWrite<PlannerBucketRef> => ({
  method: 'POST',
  path: '/planner/buckets',
  headers: { ...JSON_HEADERS },
  body: JSON.stringify({ planId, name, orderHint: ' !' } satisfies Json),
  parse: (body) => bucketRef(body, 'bucket'),
});

export interface NewPlannerTask {
  planId: string;
  bucketId?: string;
  title: string;
  /** User ids; Planner refuses anyone outside the plan's group (403 'forbidden'). */
  assigneeIds?: string[];
  /** ISO instant. */
  dueDateTime?: string;
}

const assignmentsOf = (ids: readonly string[], removed: readonly string[] = []): PlannerAssignments =>
  Object.fromEntries([...ids.map((id) => [id, { '@odata.type': ASSIGNMENT_TYPE, orderHint: ' !' }]), ...removed.map((id) => [id, null])]) as PlannerAssignments;

/** A task (planner-post-tasks). Its details exist at once, empty, with their own eTag: write them with patchTaskDetails. */
export const createTask = (t: NewPlannerTask): GraphWrite<PlannerTaskRef> => {
  const body: PlannerTask = {
    planId: t.planId,
    bucketId: t.bucketId,
    title: t.title,
    assignments: t.assigneeIds?.length ? assignmentsOf(t.assigneeIds) : undefined,
    dueDateTime: t.dueDateTime,
  };
  return { method: 'POST', path: '/planner/tasks', headers: { ...JSON_HEADERS }, body: JSON.stringify(body), parse: (b) => taskRef(b) };
};

export interface PlannerTaskPatch {
  title?: string;
  bucketId?: string;
  /** ISO instant; null clears it. */
  dueDateTime?: string | null;
  percentComplete?: number;
  assign?: string[];
  unassign?: string[];
}

/** Changes a task, only over the version `eTag` names (the task's own). */
export const patchTask = (taskId: string, eTag: string, p: PlannerTaskPatch): GraphWrite<PlannerTaskRef | undefined> => {
  const body: PlannerTask = {
    title: p.title,
    bucketId: p.bucketId,
    dueDateTime: p.dueDateTime,
    percentComplete: p.percentComplete,
    assignments: p.assign?.length || p.unassign?.length ? assignmentsOf(p.assign ?? [], p.unassign ?? []) : undefined,
  };
  return { method: 'PATCH', path: `/planner/tasks/${enc(taskId)}`, headers: PATCH_HEADERS(eTag), body: JSON.stringify(body), parse: orUndefined((b) => taskRef(b)) };
};

export interface PlannerTaskDetailsPatch {
  /** Plain text: Planner shows it as typed. */
  description?: string;
  previewType?: 'automatic' | 'noPreview' | 'checklist' | 'description' | 'reference';
  /** References to add or change, by URL (keyed by plannerReferenceKey here). */
  references?: PlannerReference[];
  /** URLs of references to remove. */
  removeReferences?: string[];
}

/** Changes a task's details, only over the version `eTag` names: the details' own, not the task's. */
export const patchTaskDetails = (taskId: string, eTag: string, p: PlannerTaskDetailsPatch): GraphWrite<PlannerTaskDetailsRef | undefined> => {
  const refs = [
    ...(p.references ?? []).map((r) => [plannerReferenceKey(r.url), { '@odata.type': REFERENCE_TYPE, alias: r.alias, type: r.type }] as const),
    ...(p.removeReferences ?? []).map((url) => [plannerReferenceKey(url), null] as const),
  ];
  const body: PlannerTaskDetails = {
    description: p.description,
    previewType: p.previewType,
    references: refs.length ? (Object.fromEntries(refs) as PlannerExternalReferences) : undefined,
  };
  return {
    method: 'PATCH',
    path: `/planner/tasks/${enc(taskId)}/details`,
    headers: PATCH_HEADERS(eTag),
    body: JSON.stringify(body),
    parse: orUndefined((b) => detailsRef(b)),
  };
};
