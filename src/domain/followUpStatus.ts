// The follow-up of earlier actions against Planner (issue 12, "Members pick the tasks up in
// Planner"): which task each follow-up reads its status from (the earlier minutes' publication), the
// status as the page shows it, and the one edit that takes the status over into these minutes.
// Pure: the app reads the tasks (app/followUpStatus.ts), the page shows them (FollowUpList).

import type { FollowUp, Minutes } from './minutes';
import { publishedTaskIds } from './minutes';
import type { Problem } from './problems';
import type { Language } from './templates';

/** A follow-up's task as Planner has it now. */
export interface FollowUpStatus {
  /** 'deleted': the task is gone from Planner; 'unknown': it could not be read (problem says why). */
  state: 'not-started' | 'in-progress' | 'done' | 'deleted' | 'unknown';
  /** 0 to 100, as Planner keeps it (0, 50 and 100 in its own app). */
  percent: number;
  /** Who completed it (the directory's display name), when Planner says and the directory knows them. */
  completedBy?: string;
  /** ISO instant. */
  completedAt?: string;
  problem?: Problem;
}

/** The state a task's percentage means in Planner: 0 not started, 100 completed, anything between in progress. */
export function stateOfPercent(percent: number): 'not-started' | 'in-progress' | 'done' {
  return percent >= 100 ? 'done' : percent <= 0 ? 'not-started' : 'in-progress';
}

/**
 * Fills in the Planner task of follow-ups that have none, from earlier minutes published after
 * these were made: an action of those minutes by their publication, a follow-up they carried by its
 * own task. The same array when there is nothing to fill in, so the caller can tell.
 */
export function linkFollowUpTasks(followUp: readonly FollowUp[], earlier: readonly Pick<Minutes, 'meeting' | 'followUp' | 'publication'>[]): readonly FollowUp[] {
  const known = new Map<string, string>();
  const key = (meeting: string, action: string) => `${meeting}\n${action}`;
  for (const minutes of earlier) {
    for (const [actionId, taskId] of publishedTaskIds(minutes)) known.set(key(minutes.meeting.eventId, actionId), taskId);
    for (const f of minutes.followUp) if (f.taskId !== undefined) known.set(key(f.sourceMeeting, f.sourceActionId), f.taskId);
  }
  let changed = false;
  const linked = followUp.map((f) => {
    if (f.taskId !== undefined) return f;
    const taskId = known.get(key(f.sourceMeeting, f.sourceActionId));
    if (taskId === undefined) return f;
    changed = true;
    return { ...f, taskId };
  });
  return changed ? linked : followUp;
}

/**
 * Whether a task found later may be written into these minutes: the follow-up is their content, so
 * once a round was sent (or approved) the change would make a new version; then it waits for the
 * secretary's own edit, and the status still shows through the follow-ups that have their task.
 */
export function mayLinkTasks(minutes: Pick<Minutes, 'signOff'>): boolean {
  return (minutes.signOff?.rounds.length ?? 0) === 0;
}

/** The comment's words, in the minutes' language; a date or name Planner did not give is left out. */
const DONE_COMMENT: Record<Language, { done: string; by: string }> = {
  sv: { done: 'Klar i Planner', by: 'av' },
  en: { done: 'Done in Planner', by: 'by' },
};

function doneComment(language: Language, date: string | undefined, name: string | undefined): string {
  const words = DONE_COMMENT[language];
  return [words.done, date, name && `${words.by} ${name}`].filter(Boolean).join(' ');
}

/** YYYY-MM-DD of an instant in a zone (sv-SE writes dates that way). */
export function dayIn(instant: string, timeZone: string): string {
  return new Intl.DateTimeFormat('sv-SE', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date(instant));
}

export interface TakenStatus {
  minutes: Minutes;
  /** Follow-ups marked done now. */
  done: number;
  /** Follow-ups whose task is not done: left as they were, so they are carried forward. */
  open: number;
}

/**
 * "Ta över status från Planner": each follow-up whose task is done becomes 'done', with a comment
 * naming when and by whom where the secretary wrote none (in the minutes' own language); the others
 * stay as they are, and open ones go on to the next meeting (followUpFrom). One edit for all.
 */
export function takeStatusFromPlanner(minutes: Minutes, statuses: ReadonlyMap<string, FollowUpStatus>): TakenStatus {
  let done = 0;
  let open = 0;
  const followUp = minutes.followUp.map((f) => {
    const status = f.taskId === undefined ? undefined : statuses.get(f.id);
    if (!status) return f;
    if (status.state === 'not-started' || status.state === 'in-progress') {
      if (f.state === 'open' || f.state === 'carried') open++;
      return f;
    }
    if (status.state !== 'done' || f.state === 'done') return f;
    done++;
    const comment = f.comment?.trim() ? f.comment : doneComment(minutes.language, status.completedAt && dayIn(status.completedAt, minutes.meeting.timeZone), status.completedBy);
    return { ...f, state: 'done' as const, comment };
  });
  return { minutes: done ? { ...minutes, followUp } : minutes, done, open };
}
