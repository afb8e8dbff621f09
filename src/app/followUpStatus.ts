// The follow-up's status from Planner (issue 12): each earlier action that became a Planner task is
// read by its task id, and who completed it by name. Round trips: the tasks, all in one $batch (20
// per batch, sent at once by the graph port); then the names of those who completed them that the
// caller does not know yet, 15 per request in one $batch. Two at most, the second only when a task
// was completed by someone new. A task Planner no longer has is 'deleted'; one that cannot be read
// ('forbidden' for someone outside the plan's group, throttled, offline) is 'unknown' with why.

import { stateOfPercent, type FollowUpStatus } from '../domain/followUpStatus';
import type { FollowUp } from '../domain/minutes';
import type { Graph } from '../graph/graph';
import { task, type PlannerTaskRef } from '../graph/planner';
import { usersById } from '../graph/users';

/** Display names by directory id, kept by the caller between reads so a name is looked up once. */
export type KnownNames = Map<string, string>;

/** The status of each follow-up that has a task, by the follow-up's id; follow-ups without one are left out. */
export async function followUpStatuses(graph: Graph, followUp: readonly FollowUp[], names: KnownNames = new Map()): Promise<Map<string, FollowUpStatus>> {
  const tasks = await taskStatuses(graph, followUp.flatMap((f) => (f.taskId === undefined ? [] : [f.taskId])), names);
  const statuses = new Map<string, FollowUpStatus>();
  for (const f of followUp) {
    const t = f.taskId === undefined ? undefined : tasks.get(f.taskId);
    if (t) statuses.set(f.id, t);
  }
  return statuses;
}

/** The status of Planner tasks by their ids (the same round trips as followUpStatuses), by task id. */
export async function taskStatuses(graph: Graph, ids: readonly string[], names: KnownNames = new Map()): Promise<Map<string, FollowUpStatus>> {
  const taskIds = [...new Set(ids)];
  if (!taskIds.length) return new Map();
  const outcomes = await graph.batch(taskIds.map(task));
  const tasks = new Map<string, FollowUpStatus | PlannerTaskRef>();
  taskIds.forEach((id, i) => {
    const outcome = outcomes[i]!;
    if (!outcome.ok) tasks.set(id, { state: 'unknown', percent: 0, problem: outcome.problem });
    else tasks.set(id, outcome.value ?? { state: 'deleted', percent: 0 });
  });
  const completers = [...tasks.values()].flatMap((t) => ('completedBy' in t && t.completedBy && !names.has(t.completedBy) ? [t.completedBy] : []));
  if (completers.length) {
    // A name that cannot be looked up now leaves "who" out; the status itself still shows.
    for (const outcome of await graph.batch(usersById(completers))) {
      if (outcome.ok) outcome.value.forEach((u) => names.set(u.directoryId, u.displayName));
    }
  }
  return new Map([...tasks].map(([id, t]) => [id, 'state' in t ? t : statusOf(t, names)]));
}

function statusOf(t: PlannerTaskRef, names: KnownNames): FollowUpStatus {
  const state = stateOfPercent(t.percentComplete);
  const completedBy = state === 'done' && t.completedBy ? names.get(t.completedBy) : undefined;
  return {
    state,
    percent: t.percentComplete,
    ...(completedBy !== undefined && { completedBy }),
    ...(state === 'done' && t.completedDateTime !== undefined && { completedAt: t.completedDateTime }),
  };
}
