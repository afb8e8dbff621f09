// The minutes, the source of truth that lives as one JSON file per meeting in the group's channel
// folder (DESIGN.md, "Architecture"): the header, the secretary's attendance marks, the agenda with
// notes, decisions and actions per item, the follow-up of earlier actions, and the next meeting.
// Plain data with ids, so two copies can be merged section by section (merge.ts) and an old or
// hand-edited file passes one restore step (restoreMinutes.ts).

import type { AttendanceStatus, HandMark, JoinKind, Rsvp, StatusReason } from './attendance';
import type { AgendaDraftItem } from './agenda';
import type { SignOffRound } from './signOff';
import type { Language } from './templates';

/** Bumped when the file's shape changes; restoreMinutes migrates older versions. */
export const MINUTES_SCHEMA_VERSION = 1;

/** A person as the minutes name them: the identity key (people.ts personKey) and what to print. */
export interface PersonRef {
  key: string;
  displayName: string;
  email?: string;
  organisation?: string;
}

/** Notes of an agenda item; an item with breakout groups has one block per group, each with its scribe. */
export interface NoteBlock {
  id: string;
  /** The breakout group ("Grupp 1"); absent for the item's own notes. */
  group?: string;
  /** "Antecknat av" / "Vid tangenterna". */
  scribe?: PersonRef;
  /** Rich text as the editor keeps it: untrusted HTML, sanitized wherever it is shown or exported. */
  html: string;
}

export interface Decision {
  id: string;
  text: string;
}

export interface Action {
  id: string;
  what: string;
  owner?: PersonRef;
  /** A calendar date, YYYY-MM-DD. */
  due?: string;
}

export interface AgendaItem {
  id: string;
  /** "09:00" in the meeting's zone. */
  time?: string;
  endTime?: string;
  title: string;
  presenter?: string;
  subPoints: string[];
  notes: NoteBlock[];
  decisions: Decision[];
  actions: Action[];
}

export type FollowUpState = 'open' | 'done' | 'carried' | 'dropped';

/** An action of an earlier meeting, brought forward to be marked done, carried on or dropped. */
export interface FollowUp {
  id: string;
  /** The action's id in the earlier minutes, and that meeting's event id: a rerun finds it again. */
  sourceActionId: string;
  sourceMeeting: string;
  what: string;
  owner?: PersonRef;
  due?: string;
  state: FollowUpState;
  comment?: string;
  /**
   * The Planner task the action became when the earlier minutes were published (their
   * publication.tasks): where the follow-up reads its status. Absent for actions never published.
   */
  taskId?: string;
}

/**
 * Where both copies changed the same text differently: both versions are kept, "ours" in place and
 * both here, until the secretary settles it. Never silently dropped.
 */
export interface Conflict {
  /** The path of the field ("agenda/<item id>/decisions/<id>/text"): one conflict per field. */
  path: string;
  base?: string;
  ours: string;
  theirs: string;
}

/** One person as the organiser's Justera listed them. */
export interface OrganiserCopyEntry {
  /** The identity key (people.ts personKey) on the organiser's side. */
  key: string;
  displayName: string;
  email?: string;
  organisation?: string;
  invited: boolean;
  status: AttendanceStatus;
  /** Why, as the organiser's list said it (statusReason). */
  reason: StatusReason;
  /** The reply to the invitation, as the organiser's copy of the event has it. */
  rsvp?: Rsvp;
  joinedAs?: JoinKind;
}

/** The attendance the organiser's Justera read: the report's lists, or at least the replies. */
export interface OrganiserCopy {
  fetchedBy: PersonRef;
  /** ISO instant. */
  fetchedAt: string;
  source: 'report' | 'replies';
  /** The report's session (source 'report'). */
  meetingStart?: string;
  meetingEnd?: string;
  entries: OrganiserCopyEntry[];
}

/** Why an action's owner could not be assigned its Planner task: it is published unassigned and names them. */
export type UnassignedReason =
  /** A guest account: Planner assigns only members of the plan's group. */
  | 'guest'
  /** A person in the directory who is not (or no longer) a member of the group behind the team. */
  | 'not-member'
  /** Not in the directory (typed by hand, someone who has left): there is no one to assign. */
  | 'no-account'
  /** The action names no owner. */
  | 'no-owner';

/** One action as a Planner task, created by publishing. */
export interface PublishedTask {
  /** The action's id in these minutes (Action.id). */
  actionId: string;
  taskId: string;
  title: string;
  /** Directory ids the task is assigned to. */
  assigneeIds: string[];
  /** Set when the owner could not be assigned: the task is unassigned and its description names them. */
  unassigned?: UnassignedReason;
}

/**
 * What publishing the approved minutes created (app/publish.ts), recorded in the minutes so everyone
 * sees it and the next meeting follows the tasks up. Written once the job is complete; a rerun after a
 * failure finds what exists by its keys, not from here.
 */
export interface Publication {
  /** The approved version published (a round's version): exactly what the approvers approved. */
  version: string;
  /** ISO instant. */
  publishedAt: string;
  publishedBy: PersonRef;
  /** The .docx of the approved version, beside the minutes in the channel's folder. */
  document: { id: string; name: string; webUrl: string };
  /** The channel message with the summary and the .docx attached. */
  message: { id: string; webUrl?: string };
  planId?: string;
  bucket?: { id: string; name: string };
  tasks: PublishedTask[];
}

/** "Nästa möte": when (ISO instants, shown in the meeting's zone) and where, and the group's own words. */
export interface NextMeeting {
  start?: string;
  end?: string;
  place?: string;
  text: string;
}

export interface MinutesMeeting {
  eventId: string;
  seriesId?: string;
  subject: string;
  /** ISO instants. */
  start: string;
  end: string;
  timeZone: string;
  place: string;
}

export interface Minutes {
  schemaVersion: typeof MINUTES_SCHEMA_VERSION;
  meeting: MinutesMeeting;
  templateId: string;
  language: Language;
  header: {
    chairKey?: string;
    /** Named by the group's settings or the minutes, not whoever is signed in. */
    secretary?: PersonRef;
    /** "Justerare" / "Utses att justera". */
    adjusters: PersonRef[];
  };
  attendance: {
    /** The secretary's own marks (and people added by hand), which win over the report and replies. */
    marks: HandMark[];
    /**
     * What the organiser's Justera read (only the organiser can read the report and see the replies),
     * for everyone else's lists. Written only by the organiser's client; see organiserCopy.ts.
     */
    organiserCopy?: OrganiserCopy;
  };
  agenda: AgendaItem[];
  followUp: FollowUp[];
  nextMeeting: NextMeeting;
  /** "Protokoll": the first paragraph number of these minutes (§ numbering continues across the year). */
  firstParagraph?: number;
  conflicts: Conflict[];
  /**
   * Sign-off (justering): each round sent for approval, oldest first; the current round is the last.
   * Absent until the minutes are first sent (files written before sign-off have none).
   */
  signOff?: { rounds: SignOffRound[] };
  /** Set when the approved minutes were published to the channel and Planner (app/publish.ts). */
  publication?: Publication;
  /** When a person last changed anything: ISO instant from the caller's clock. */
  updatedAt: string;
}

/** A fresh item from the agenda found in the invitation (or an empty one). */
export function agendaItem(id: string, draft: Partial<AgendaDraftItem> = {}): AgendaItem {
  return {
    id,
    time: draft.time,
    endTime: draft.endTime,
    title: draft.title ?? '',
    presenter: draft.presenter,
    subPoints: draft.subPoints ?? [],
    notes: [],
    decisions: [],
    actions: [],
  };
}

export interface NewMinutes {
  meeting: MinutesMeeting;
  templateId: string;
  language: Language;
  agenda: AgendaDraftItem[];
  secretary?: PersonRef;
  chairKey?: string;
  adjusters?: PersonRef[];
  nextMeeting?: NextMeeting;
  firstParagraph?: number;
  followUp?: FollowUp[];
  /** Ids come from the caller (crypto.randomUUID at the edge), so the domain stays pure and testable. */
  newId: () => string;
  now: Date;
}

/** Minutes for a meeting that has none yet, prefilled from what is known. */
export function newMinutes(input: NewMinutes): Minutes {
  return {
    schemaVersion: MINUTES_SCHEMA_VERSION,
    meeting: input.meeting,
    templateId: input.templateId,
    language: input.language,
    header: { chairKey: input.chairKey, secretary: input.secretary, adjusters: input.adjusters ?? [] },
    attendance: { marks: [] },
    agenda: input.agenda.map((draft) => agendaItem(input.newId(), draft)),
    followUp: input.followUp ?? [],
    nextMeeting: input.nextMeeting ?? { text: '' },
    firstParagraph: input.firstParagraph,
    conflicts: [],
    updatedAt: input.now.toISOString(),
  };
}

/** The § number of each agenda item in formal minutes: consecutive from the first paragraph. */
export function paragraphNumbers(minutes: Pick<Minutes, 'agenda' | 'firstParagraph'>): Map<string, number> {
  const first = minutes.firstParagraph ?? 1;
  return new Map(minutes.agenda.map((item, i) => [item.id, first + i]));
}

/** What an earlier meeting's minutes contribute to numbering: when it was and which §§ it used. */
export interface EarlierParagraphs {
  start: string;
  firstParagraph?: number;
  items: number;
}

/**
 * The first § of new minutes: numbering continues across the group's year (the calendar year of
 * the meeting, in its own zone's terms close enough at year's end: the year of the start instant
 * in UTC is used, so a meeting on 31 December late evening belongs to that year) from the last
 * minutes before this meeting in the same year, and starts at 1 in a new year.
 */
export function firstParagraphFor(meetingStart: string, earlier: readonly EarlierParagraphs[]): number {
  const year = new Date(meetingStart).getUTCFullYear();
  const before = earlier
    .filter((e) => new Date(e.start).getUTCFullYear() === year && Date.parse(e.start) < Date.parse(meetingStart) && e.firstParagraph !== undefined)
    .sort((a, b) => Date.parse(b.start) - Date.parse(a.start))[0];
  return before ? before.firstParagraph! + before.items : 1;
}

/**
 * Open actions of earlier minutes, as the follow-up of the next: each action once, by its source id.
 * An action published as a Planner task (previous.publication) brings the task's id, where the
 * follow-up reads its status; carried follow-ups keep theirs.
 */
export function followUpFrom(previous: Pick<Minutes, 'meeting' | 'agenda' | 'followUp' | 'publication'>, newId: () => string): FollowUp[] {
  const tasks = publishedTaskIds(previous);
  const fromItems: FollowUp[] = previous.agenda.flatMap((item) =>
    item.actions.map((a) => {
      const taskId = tasks.get(a.id);
      return {
        id: newId(),
        sourceActionId: a.id,
        sourceMeeting: previous.meeting.eventId,
        what: a.what,
        owner: a.owner,
        due: a.due,
        state: 'open' as const,
        ...(taskId !== undefined && { taskId }),
      };
    }),
  );
  // Actions carried on from before stay on the list until done or dropped.
  const carried: FollowUp[] = previous.followUp
    .filter((f) => f.state === 'open' || f.state === 'carried')
    .map((f) => ({ ...f, id: newId(), state: 'open' as const, comment: undefined }));
  const seen = new Set<string>();
  return [...carried, ...fromItems].filter((f) => {
    const key = `${f.sourceMeeting}/${f.sourceActionId}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** The Planner task of each published action of these minutes, by the action's id. */
export function publishedTaskIds(minutes: Pick<Minutes, 'publication'>): Map<string, string> {
  return new Map((minutes.publication?.tasks ?? []).map((t) => [t.actionId, t.taskId]));
}
