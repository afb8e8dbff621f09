/**
 * Planner: plans and buckets of a group (GET), buckets (POST), tasks and task details (POST, GET,
 * PATCH with If-Match on the object's own eTag). A plan belongs to a group (here: a team, whose id
 * is the group's); only the group's members may read or write it, and only they may be assigned
 * (403 otherwise, "Common Planner error conditions" in planner-overview).
 */

import { createHash } from 'node:crypto';
import { badRequest, GraphError } from '../errors';
import { ODATA_JSON, ok, type GraphResult } from '../http';
import { etagFrom } from '../ids';
import { collectionBody, paginate, preferences } from '../odata';
import type { HandlerContext, Router } from '../router';
import {
  findUser,
  type PlannerAssignmentModel,
  type PlannerBucketModel,
  type PlannerPlanModel,
  type PlannerTaskModel,
  type State,
  type Team,
} from '../state';
import { formatUtc } from '../timezones';

// Planner's error texts are not documented per case; these are the emulator's.
const forbidden = (): GraphError => new GraphError(403, 'Forbidden', 'You do not have the required permissions to access this item.');
const notFound = (): GraphError => new GraphError(404, 'NotFound', 'The requested item is not found.');
/** The Application id Planner records as the creator's app (the Planner web app's). */
const PLANNER_APP_ID = '09abbdfd-ed23-44ee-a2d9-a627aa1c90f3';

function groupOf(state: State, groupId: string): Team {
  const team = state.teams.find((t) => t.id.toLowerCase() === groupId.toLowerCase());
  if (!team) throw new GraphError(404, 'Request_ResourceNotFound', `Resource '${groupId}' does not exist or one of its queried reference-property objects are not present.`);
  return team;
}

function groupForMember(ctx: HandlerContext, groupId: string): Team {
  const team = groupOf(ctx.state, groupId);
  if (!team.memberIds.has(ctx.req.caller.id)) throw forbidden();
  return team;
}

function planById(state: State, planId: string | undefined): PlannerPlanModel {
  const plan = state.plans.find((p) => p.id === planId);
  if (!plan) throw notFound();
  return plan;
}

function planForMember(ctx: HandlerContext, planId = ctx.params.planId): PlannerPlanModel {
  const plan = planById(ctx.state, planId);
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

// ---- writes ----------------------------------------------------------------------------------

const ASSIGNMENT_TYPE = 'microsoft.graph.plannerAssignment';
const REFERENCE_TYPE = 'microsoft.graph.plannerExternalReference';
const CHECKLIST_TYPE = 'microsoft.graph.plannerChecklistItem';
const PREVIEW_TYPES = ['automatic', 'noPreview', 'checklist', 'description', 'reference'];

/** Planner ids are 28 characters of base64url; these are deterministic per scenario load. */
function newPlannerId(state: State): string {
  state.plannerCreated++;
  return createHash('sha256').update(`planner|created|${state.scenario.name}|${state.plannerCreated}`).digest('base64url').slice(0, 28);
}

/**
 * The order hint Planner stores: it computes its own from the one sent (" !" means "first"), so a
 * client never gets its own value back. Later objects sort before earlier ones, as " !" asks.
 */
function storedOrderHint(state: State): string {
  return `8585${String(999_999_999_999_999 - state.plannerCreated).padStart(15, '0')}`;
}

const taskEtag = (t: PlannerTaskModel): string => etagFrom(`task|${t.id}|${t.version}`);
const detailsEtag = (t: PlannerTaskModel): string => etagFrom(`taskDetails|${t.id}|${t.details.version}`);

// Planner's texts for these are not in the reference; these are the ones clients commonly report.
const ifMatchMissing = (): GraphError => new GraphError(412, 'PreconditionFailed', 'The If-Match header must be specified for this kind of request.');
const ifMatchStale = (): GraphError => new GraphError(412, 'PreconditionFailed', 'The If-Match header contains an etag that does not match the current resource.');

/** planner-overview, "Planner resource versioning": PATCH needs the object's own last known eTag. */
function checkIfMatch(ctx: HandlerContext, current: string): void {
  const given = ctx.req.headers['if-match'];
  if (given === undefined || given.trim() === '') throw ifMatchMissing();
  if (given.trim() !== '*' && given.trim() !== current) throw ifMatchStale();
}

/** 204, or 200 with the object when the client sent Prefer: return=representation (plannertask-update). */
function written(ctx: HandlerContext, body: Record<string, unknown>): GraphResult {
  if (preferences(ctx.req).get('return') === 'representation') return ok(body, { 'Preference-Applied': 'return=representation' });
  return { status: 204, headers: {} };
}

function created(body: Record<string, unknown>): GraphResult {
  return { status: 201, headers: { 'Content-Type': ODATA_JSON }, body };
}

function bodyObject(ctx: HandlerContext): Record<string, unknown> {
  const b = ctx.req.body;
  if (!b || typeof b !== 'object' || Array.isArray(b)) throw badRequest('The request body must be a JSON object.');
  return b as Record<string, unknown>;
}

function hasType(v: Record<string, unknown>, type: string): boolean {
  const t = v['@odata.type'];
  return t === type || t === `#${type}`;
}

function identity(userId: string | null): Record<string, unknown> | null {
  return userId ? { user: { displayName: null, id: userId }, application: { displayName: null, id: PLANNER_APP_ID } } : null;
}

function instantOf(v: unknown, name: string): number | null {
  if (v === null) return null;
  if (typeof v !== 'string' || !/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/.test(v) || Number.isNaN(Date.parse(v))) {
    throw badRequest(`The value of '${name}' is not a valid DateTimeOffset.`);
  }
  return Date.parse(v);
}

function taskJson(t: PlannerTaskModel): Record<string, unknown> {
  const checked = [...t.details.checklist.values()].filter((c) => c.isChecked).length;
  return {
    '@odata.etag': taskEtag(t),
    planId: t.planId,
    bucketId: t.bucketId,
    title: t.title,
    orderHint: t.orderHint,
    assigneePriority: t.assigneePriority,
    percentComplete: t.percentComplete,
    startDateTime: t.startDateTime === null ? null : formatUtc(t.startDateTime),
    createdDateTime: formatUtc(t.createdDateTime),
    dueDateTime: t.dueDateTime === null ? null : formatUtc(t.dueDateTime),
    hasDescription: t.details.description !== '',
    previewType: t.details.previewType,
    completedDateTime: t.completedDateTime === null ? null : formatUtc(t.completedDateTime),
    completedBy: identity(t.completedBy),
    referenceCount: t.details.references.size,
    checklistItemCount: t.details.checklist.size,
    activeChecklistItemCount: t.details.checklist.size - checked,
    conversationThreadId: null,
    priority: t.priority,
    id: t.id,
    createdBy: identity(t.createdBy),
    appliedCategories: Object.fromEntries(t.appliedCategories),
    assignments: Object.fromEntries(
      [...t.assignments].map(([uid, a]) => [
        uid,
        { '@odata.type': `#${ASSIGNMENT_TYPE}`, assignedDateTime: formatUtc(a.assignedDateTime), orderHint: a.orderHint, assignedBy: identity(a.assignedBy) },
      ]),
    ),
  };
}

function detailsJson(t: PlannerTaskModel): Record<string, unknown> {
  const d = t.details;
  return {
    '@odata.etag': detailsEtag(t),
    description: d.description,
    previewType: d.previewType,
    id: t.id,
    references: Object.fromEntries(
      [...d.references].map(([url, r]) => [
        url,
        { '@odata.type': `#${REFERENCE_TYPE}`, alias: r.alias, type: r.type, previewPriority: r.previewPriority, lastModifiedDateTime: formatUtc(r.lastModifiedDateTime), lastModifiedBy: identity(r.lastModifiedBy) },
      ]),
    ),
    checklist: Object.fromEntries(
      [...d.checklist].map(([id, c]) => [
        id,
        { '@odata.type': `#${CHECKLIST_TYPE}`, isChecked: c.isChecked, title: c.title, orderHint: c.orderHint, lastModifiedDateTime: formatUtc(c.lastModifiedDateTime), lastModifiedBy: identity(c.lastModifiedBy) },
      ]),
    ),
  };
}

function taskForMember(ctx: HandlerContext): PlannerTaskModel {
  const task = ctx.state.plannerTasks.get(ctx.params.taskId ?? '');
  if (!task) throw notFound();
  planForMember(ctx, task.planId);
  return task;
}

/**
 * Assignments keyed by user id, each {"@odata.type": "#microsoft.graph.plannerAssignment",
 * "orderHint": " !"} (planner-post-tasks); null removes one. Only members of the plan's group can
 * be assigned: Planner refuses anyone else (the exact error is not in the reference; 403 here).
 */
function applyAssignments(ctx: HandlerContext, task: PlannerTaskModel, value: unknown, team: Team): void {
  if (!value || typeof value !== 'object' || Array.isArray(value)) throw badRequest("The value of 'assignments' must be an object keyed by user id.");
  const next = new Map<string, PlannerAssignmentModel>(task.assignments);
  for (const [uid, a] of Object.entries(value as Record<string, unknown>)) {
    if (a === null) {
      next.delete(uid);
      continue;
    }
    if (!a || typeof a !== 'object' || !hasType(a as Record<string, unknown>, ASSIGNMENT_TYPE)) {
      throw badRequest(`The assignment for '${uid}' must declare "@odata.type": "#${ASSIGNMENT_TYPE}".`);
    }
    const hint = (a as Record<string, unknown>).orderHint;
    if (typeof hint !== 'string') throw badRequest(`The assignment for '${uid}' needs an orderHint.`);
    const user = findUser(ctx.state, uid);
    if (!user || user.id !== uid || !team.memberIds.has(uid)) {
      throw new GraphError(403, 'Forbidden', `The user '${uid}' cannot be assigned: only members of the plan's group can be assigned tasks.`);
    }
    const old = next.get(uid);
    next.set(uid, old ?? { assignedBy: ctx.req.caller.id, assignedDateTime: ctx.now, orderHint: storedOrderHint(ctx.state) });
  }
  task.assignments = next;
}

function setPercentComplete(task: PlannerTaskModel, v: unknown, by: string, now: number): void {
  if (typeof v !== 'number' || !Number.isInteger(v) || v < 0 || v > 100) throw badRequest("The value of 'percentComplete' must be an integer from 0 to 100.");
  task.percentComplete = v;
  // plannerTask: completedBy / completedDateTime are set when percentComplete reaches 100.
  if (v === 100 && task.completedBy === null) {
    task.completedBy = by;
    task.completedDateTime = now;
  } else if (v < 100) {
    task.completedBy = null;
    task.completedDateTime = null;
  }
}

const TASK_WRITABLE = ['title', 'bucketId', 'assignments', 'percentComplete', 'startDateTime', 'dueDateTime', 'orderHint', 'assigneePriority', 'priority', 'appliedCategories', 'conversationThreadId'];

/** Applies a task body (create or PATCH) to a copy, so a refused request changes nothing. */
function applyTaskBody(ctx: HandlerContext, task: PlannerTaskModel, body: Record<string, unknown>, plan: PlannerPlanModel, team: Team): void {
  for (const [k, v] of Object.entries(body)) {
    if (k.startsWith('@odata.') || k === 'planId') continue;
    if (!TASK_WRITABLE.includes(k)) throw badRequest(`The property '${k}' cannot be written on a plannerTask.`);
    switch (k) {
      case 'title':
        if (typeof v !== 'string' || v.trim() === '') throw badRequest("The value of 'title' must be a non-empty string.");
        task.title = v;
        break;
      case 'bucketId':
        if (v !== null && (typeof v !== 'string' || !plan.buckets.some((b) => b.id === v))) throw badRequest('The bucket must be in the plan that the task is in.');
        task.bucketId = v as string | null;
        break;
      case 'assignments':
        applyAssignments(ctx, task, v, team);
        break;
      case 'percentComplete':
        setPercentComplete(task, v, ctx.req.caller.id, ctx.now);
        break;
      case 'startDateTime':
        task.startDateTime = instantOf(v, k);
        break;
      case 'dueDateTime':
        task.dueDateTime = instantOf(v, k);
        break;
      case 'priority':
        if (typeof v !== 'number' || !Number.isInteger(v) || v < 0 || v > 10) throw badRequest("The value of 'priority' must be an integer from 0 to 10.");
        task.priority = v;
        break;
      case 'orderHint':
      case 'assigneePriority':
        if (typeof v !== 'string') throw badRequest(`The value of '${k}' must be an order hint string.`);
        task[k] = storedOrderHint(ctx.state);
        break;
      case 'appliedCategories':
        if (!v || typeof v !== 'object' || Array.isArray(v)) throw badRequest("The value of 'appliedCategories' must be an object.");
        for (const [c, on] of Object.entries(v as Record<string, unknown>)) {
          if (!/^category([1-9]|1\d|2[0-5])$/.test(c) || typeof on !== 'boolean') throw badRequest(`The category '${c}' is not valid.`);
          if (on) task.appliedCategories.set(c, true);
          else task.appliedCategories.delete(c);
        }
        break;
      default:
        break;
    }
  }
  // planner-overview, 400: "The data is logically inconsistent", e.g. a start after the due date.
  if (task.startDateTime !== null && task.dueDateTime !== null && task.startDateTime > task.dueDateTime) {
    throw badRequest('The start date of the task cannot be later than its due date.');
  }
}

function cloneTask(t: PlannerTaskModel): PlannerTaskModel {
  return { ...t, assignments: new Map(t.assignments), appliedCategories: new Map(t.appliedCategories) };
}

function createBucket(ctx: HandlerContext): GraphResult {
  const body = bodyObject(ctx);
  if (typeof body.planId !== 'string') throw badRequest("The property 'planId' is required.");
  if (typeof body.name !== 'string' || body.name.trim() === '') throw badRequest("The property 'name' is required.");
  if (body.orderHint !== undefined && typeof body.orderHint !== 'string') throw badRequest("The value of 'orderHint' must be an order hint string.");
  const plan = planForMember(ctx, body.planId);
  const bucket: PlannerBucketModel = { id: newPlannerId(ctx.state), name: body.name, planId: plan.id, orderHint: storedOrderHint(ctx.state) };
  plan.buckets.push(bucket);
  return created({ '@odata.context': `${ctx.baseUrl}/$metadata#planner/buckets/$entity`, ...bucketJson(bucket) });
}

function createTask(ctx: HandlerContext): GraphResult {
  const body = bodyObject(ctx);
  if (typeof body.planId !== 'string') throw badRequest("The property 'planId' is required: a task cannot be created without a plan.");
  if (body.title === undefined) throw badRequest("The property 'title' is required.");
  const plan = planForMember(ctx, body.planId);
  const team = groupOf(ctx.state, plan.groupId);
  const task: PlannerTaskModel = {
    id: '',
    planId: plan.id,
    bucketId: null,
    title: '',
    orderHint: '',
    assigneePriority: '',
    percentComplete: 0,
    priority: 5,
    startDateTime: null,
    dueDateTime: null,
    createdDateTime: ctx.now,
    createdBy: ctx.req.caller.id,
    completedDateTime: null,
    completedBy: null,
    assignments: new Map(),
    appliedCategories: new Map(),
    version: 1,
    details: { description: '', previewType: 'automatic', references: new Map(), checklist: new Map(), version: 1 },
  };
  applyTaskBody(ctx, task, body, plan, team);
  task.id = newPlannerId(ctx.state);
  if (task.orderHint === '') task.orderHint = storedOrderHint(ctx.state);
  ctx.state.plannerTasks.set(task.id, task);
  return created({ '@odata.context': `${ctx.baseUrl}/$metadata#planner/tasks/$entity`, ...taskJson(task) });
}

function getTask(ctx: HandlerContext): GraphResult {
  const task = taskForMember(ctx);
  return ok({ '@odata.context': `${ctx.baseUrl}/$metadata#planner/tasks/$entity`, ...taskJson(task) });
}

function listPlanTasks(ctx: HandlerContext): GraphResult {
  const plan = planForMember(ctx);
  const tasks = [...ctx.state.plannerTasks.values()].filter((t) => t.planId === plan.id).map(taskJson);
  const page = paginate(tasks, ctx.req, { baseUrl: ctx.baseUrl, defaultPageSize: 100, maxPageSize: 999, paging: 'skiptoken' });
  return ok(collectionBody(`${ctx.baseUrl}/$metadata#planner/plans('${plan.id}')/tasks`, page.items, { nextLink: page.nextLink }));
}

/** GET /planner/buckets/{id}/tasks (plannerbucket-list-tasks): the tasks in one bucket, for members of the plan's group. */
function listBucketTasks(ctx: HandlerContext): GraphResult {
  const bucketId = ctx.params.bucketId ?? '';
  const plan = ctx.state.plans.find((p) => p.buckets.some((b) => b.id === bucketId));
  if (!plan) throw notFound();
  planForMember(ctx, plan.id);
  const tasks = [...ctx.state.plannerTasks.values()].filter((t) => t.bucketId === bucketId).map(taskJson);
  const page = paginate(tasks, ctx.req, { baseUrl: ctx.baseUrl, defaultPageSize: 100, maxPageSize: 999, paging: 'skiptoken' });
  return ok(collectionBody(`${ctx.baseUrl}/$metadata#planner/buckets('${bucketId}')/tasks`, page.items, { nextLink: page.nextLink }));
}

function updateTask(ctx: HandlerContext): GraphResult {
  const task = taskForMember(ctx);
  checkIfMatch(ctx, taskEtag(task));
  const body = bodyObject(ctx);
  if (body.planId !== undefined && body.planId !== task.planId) throw badRequest('A task cannot be moved to another plan.');
  const plan = planById(ctx.state, task.planId);
  const next = cloneTask(task);
  applyTaskBody(ctx, next, body, plan, groupOf(ctx.state, plan.groupId));
  next.version++;
  Object.assign(task, next);
  return written(ctx, { '@odata.context': `${ctx.baseUrl}/$metadata#planner/tasks/$entity`, ...taskJson(task) });
}

function getTaskDetails(ctx: HandlerContext): GraphResult {
  const task = taskForMember(ctx);
  return ok({ '@odata.context': `${ctx.baseUrl}/$metadata#planner/tasks('${task.id}')/details/$entity`, ...detailsJson(task) });
}

/**
 * PLATFORM.md and plannerexternalreferences: a reference's key is its URL with %, ., :, @ and #
 * percent-encoded ("https%3A//contoso%2Esharepoint%2Ecom/..."); Planner refuses a key with them raw.
 */
function checkReferenceKey(key: string): void {
  if (/[.:@#]/.test(key) || /%(?![0-9A-Fa-f]{2})/.test(key)) {
    throw badRequest(`The reference key '${key}' is not valid: '%', '.', ':', '@' and '#' in the URL must be percent-encoded.`);
  }
  let url: URL;
  try {
    url = new URL(decodeURIComponent(key));
  } catch {
    throw badRequest(`The reference key '${key}' is not an absolute URL.`);
  }
  if (!/^https?:$/.test(url.protocol)) throw badRequest(`The reference key '${key}' is not an http(s) URL.`);
}

function updateTaskDetails(ctx: HandlerContext): GraphResult {
  const task = taskForMember(ctx);
  // The details have their own eTag: the task's is refused (412) like any stale one.
  checkIfMatch(ctx, detailsEtag(task));
  const body = bodyObject(ctx);
  const by = ctx.req.caller.id;
  const d = { ...task.details, references: new Map(task.details.references), checklist: new Map(task.details.checklist) };
  for (const [k, v] of Object.entries(body)) {
    if (k.startsWith('@odata.')) continue;
    if (k === 'description') {
      if (typeof v !== 'string') throw badRequest("The value of 'description' must be a string.");
      d.description = v;
    } else if (k === 'previewType') {
      if (typeof v !== 'string' || !PREVIEW_TYPES.includes(v)) throw badRequest(`The value of 'previewType' must be one of ${PREVIEW_TYPES.join(', ')}.`);
      d.previewType = v;
    } else if (k === 'references') {
      if (!v || typeof v !== 'object' || Array.isArray(v)) throw badRequest("The value of 'references' must be an object keyed by encoded URL.");
      for (const [url, r] of Object.entries(v as Record<string, unknown>)) {
        checkReferenceKey(url);
        if (r === null) {
          d.references.delete(url);
          continue;
        }
        if (!r || typeof r !== 'object' || !hasType(r as Record<string, unknown>, REFERENCE_TYPE)) {
          throw badRequest(`The reference '${url}' must declare "@odata.type": "#${REFERENCE_TYPE}".`);
        }
        const ref = r as Record<string, unknown>;
        const old = d.references.get(url);
        const text = (x: unknown, name: string, fallback: string | null): string | null => {
          if (x === undefined) return fallback;
          if (x !== null && typeof x !== 'string') throw badRequest(`The value of '${name}' must be a string.`);
          return x;
        };
        d.references.set(url, {
          alias: text(ref.alias, 'alias', old?.alias ?? null),
          type: text(ref.type, 'type', old?.type ?? null),
          previewPriority: old?.previewPriority ?? storedOrderHint(ctx.state),
          lastModifiedBy: by,
          lastModifiedDateTime: ctx.now,
        });
      }
    } else if (k === 'checklist') {
      if (!v || typeof v !== 'object' || Array.isArray(v)) throw badRequest("The value of 'checklist' must be an object keyed by item id.");
      for (const [id, c] of Object.entries(v as Record<string, unknown>)) {
        if (c === null) {
          d.checklist.delete(id);
          continue;
        }
        if (!c || typeof c !== 'object' || !hasType(c as Record<string, unknown>, CHECKLIST_TYPE)) {
          throw badRequest(`The checklist item '${id}' must declare "@odata.type": "#${CHECKLIST_TYPE}".`);
        }
        const item = c as Record<string, unknown>;
        const old = d.checklist.get(id);
        const title = item.title ?? old?.title;
        if (typeof title !== 'string' || title === '') throw badRequest(`The checklist item '${id}' needs a title.`);
        if (item.isChecked !== undefined && typeof item.isChecked !== 'boolean') throw badRequest("The value of 'isChecked' must be true or false.");
        d.checklist.set(id, {
          title,
          isChecked: (item.isChecked as boolean | undefined) ?? old?.isChecked ?? false,
          orderHint: old?.orderHint ?? storedOrderHint(ctx.state),
          lastModifiedBy: by,
          lastModifiedDateTime: ctx.now,
        });
      }
    } else {
      throw badRequest(`The property '${k}' cannot be written on a plannerTaskDetails.`);
    }
  }
  d.version++;
  task.details = d;
  return written(ctx, { '@odata.context': `${ctx.baseUrl}/$metadata#planner/tasks('${task.id}')/details/$entity`, ...detailsJson(task) });
}

/**
 * For /_emulator (demo and tests): a member of the plan's group changes a task's progress as they
 * would in Planner; the task's eTag changes and completedBy names them at 100.
 */
export function setTaskProgress(state: State, now: number, taskId: string, userRef: unknown, percentComplete: unknown): Record<string, unknown> {
  const task = state.plannerTasks.get(taskId);
  if (!task) throw notFound();
  if (typeof userRef !== 'string') throw badRequest('Give "user": the id, userPrincipalName or mail of a member of the plan\'s group.');
  const user = findUser(state, userRef);
  if (!user) throw new GraphError(400, 'UnknownUser', `No user "${userRef}" is in the scenario.`);
  const team = groupOf(state, planById(state, task.planId).groupId);
  if (!team.memberIds.has(user.id)) throw forbidden();
  if (![0, 50, 100].includes(percentComplete as number)) throw badRequest('"percentComplete" must be 0, 50 or 100 (not started, in progress, completed).');
  setPercentComplete(task, percentComplete, user.id, now);
  task.version++;
  return taskJson(task);
}

export function registerPlannerRoutes(r: Router): void {
  r.add('GET', '/groups/{groupId}/planner/plans', listGroupPlans);
  r.add('GET', '/planner/plans/{planId}', getPlan);
  r.add('GET', '/planner/plans/{planId}/buckets', listBuckets);
  r.add('GET', '/planner/plans/{planId}/tasks', listPlanTasks);
  r.add('POST', '/planner/buckets', createBucket);
  r.add('GET', '/planner/buckets/{bucketId}/tasks', listBucketTasks);
  r.add('POST', '/planner/tasks', createTask);
  r.add('GET', '/planner/tasks/{taskId}', getTask);
  r.add('PATCH', '/planner/tasks/{taskId}', updateTask);
  r.add('GET', '/planner/tasks/{taskId}/details', getTaskDetails);
  r.add('PATCH', '/planner/tasks/{taskId}/details', updateTaskDetails);
}
