/**
 * What landed in a team, for the demo's read-only view (GET /_emulator/landed?team=<id>): its
 * channels with their messages and its group's plans with buckets, tasks and task details, read
 * straight from the state with people's names filled in (Graph leaves them null in Planner's
 * identities, so a page would need a directory lookup per person). Reads only.
 */

import { GraphError } from './errors';
import { findUser, type PlannerTaskModel, type State, type Team } from './state';
import { formatUtc } from './timezones';

export interface LandedPerson {
  id: string;
  /** null for an id the directory does not know (someone who has left). */
  displayName: string | null;
}

export interface LandedMessage {
  id: string;
  createdDateTime: string;
  from: LandedPerson;
  subject: string | null;
  importance: string;
  /** As posted: the page sanitizes html before it shows it. */
  body: { contentType: 'text' | 'html'; content: string };
  attachments: { id: string; contentType: string; name: string | null; contentUrl: string | null }[];
  mentions: { id: number; mentionText: string; user: LandedPerson }[];
}

export interface LandedChannel {
  id: string;
  displayName: string;
  /** Newest first, as Graph lists them. */
  messages: LandedMessage[];
}

export interface LandedTask {
  id: string;
  title: string;
  bucketId: string | null;
  /** 0 not started, 1-99 in progress, 100 completed (plannerTask). */
  percentComplete: number;
  dueDateTime: string | null;
  createdDateTime: string;
  createdBy: LandedPerson;
  /** In the order they were assigned. */
  assignees: LandedPerson[];
  completedBy: LandedPerson | null;
  completedDateTime: string | null;
  details: {
    description: string;
    /** Decoded from the percent-encoded keys Planner stores them under. */
    references: { url: string; alias: string | null; type: string | null }[];
  };
}

export interface LandedBucket {
  id: string;
  name: string;
  /** In Planner's order (orderHint, ordinal). */
  tasks: LandedTask[];
}

export interface LandedPlan {
  id: string;
  title: string;
  /** In Planner's order (orderHint, ordinal). */
  buckets: LandedBucket[];
  /** Tasks in no bucket (bucketId null). */
  unbucketed: LandedTask[];
}

export interface Landed {
  team: { id: string; displayName: string };
  /** The group's members in the scenario's order: who may change a task. */
  members: LandedPerson[];
  channels: LandedChannel[];
  plans: LandedPlan[];
}

const byOrderHint = <T extends { orderHint: string }>(a: T, b: T): number => (a.orderHint < b.orderHint ? -1 : a.orderHint > b.orderHint ? 1 : 0);

function person(state: State, id: string): LandedPerson {
  const u = findUser(state, id);
  return { id, displayName: u && u.id === id ? u.displayName : null };
}

function decodedUrl(key: string): string {
  try {
    return decodeURIComponent(key);
  } catch {
    return key;
  }
}

function taskView(state: State, t: PlannerTaskModel): LandedTask {
  return {
    id: t.id,
    title: t.title,
    bucketId: t.bucketId,
    percentComplete: t.percentComplete,
    dueDateTime: t.dueDateTime === null ? null : formatUtc(t.dueDateTime),
    createdDateTime: formatUtc(t.createdDateTime),
    createdBy: person(state, t.createdBy),
    assignees: [...t.assignments.keys()].map((id) => person(state, id)),
    completedBy: t.completedBy === null ? null : person(state, t.completedBy),
    completedDateTime: t.completedDateTime === null ? null : formatUtc(t.completedDateTime),
    details: {
      description: t.details.description,
      references: [...t.details.references].map(([key, r]) => ({ url: decodedUrl(key), alias: r.alias, type: r.type })),
    },
  };
}

function messages(state: State, team: Team, channelId: string): LandedMessage[] {
  return state.channelMessages
    .filter((m) => m.teamId === team.id && m.channelId === channelId)
    .reverse()
    .map((m) => ({
      id: m.id,
      // With milliseconds, as Graph writes message times (routes/channelMessages.ts).
      createdDateTime: new Date(m.createdDateTime).toISOString(),
      from: person(state, m.fromUserId),
      subject: m.subject,
      importance: m.importance,
      body: { ...m.body },
      attachments: m.attachments.map((a) => ({ id: a.id, contentType: a.contentType, name: a.name, contentUrl: a.contentUrl })),
      mentions: m.mentions.map((x) => ({ id: x.id, mentionText: x.mentionText, user: { id: x.userId, displayName: x.displayName } })),
    }));
}

/** The team named by `teamId` (its id, any case), as it is now; 400 without one, 404 for an unknown one. */
export function landedView(state: State, teamId: string | null): Landed {
  if (!teamId) throw new GraphError(400, 'BadRequest', 'Give ?team=<the team\'s id> (GET /_emulator/scenario lists them in resolved.teams).');
  const team = state.teams.find((t) => t.id.toLowerCase() === teamId.toLowerCase());
  if (!team) throw new GraphError(404, 'NotFound', `No team "${teamId}" is in the scenario.`);
  const tasks = [...state.plannerTasks.values()].sort(byOrderHint);
  return {
    team: { id: team.id, displayName: team.displayName },
    members: [...team.memberIds].map((id) => person(state, id)),
    channels: team.channels.map((c) => ({ id: c.id, displayName: c.displayName, messages: messages(state, team, c.id) })),
    plans: state.plans
      .filter((p) => p.groupId === team.id)
      .map((p) => {
        const inPlan = tasks.filter((t) => t.planId === p.id);
        return {
          id: p.id,
          title: p.title,
          buckets: [...p.buckets].sort(byOrderHint).map((b) => ({ id: b.id, name: b.name, tasks: inPlan.filter((t) => t.bucketId === b.id).map((t) => taskView(state, t)) })),
          unbucketed: inPlan.filter((t) => t.bucketId === null).map((t) => taskView(state, t)),
        };
      }),
  };
}
