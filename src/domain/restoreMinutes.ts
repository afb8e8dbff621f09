// Every minutes file read (from the channel folder or the device) passes this one step, as
// Excalidraw's restore does: what can be read is repaired field by field (a missing list becomes
// empty, a wrong type is dropped, duplicate ids are kept once), an older schema version is
// migrated, and what is not minutes at all, or is written by a newer Justera, is refused with a
// reason the page can say (and the bad file is left as it is).

import type { HandMark, JoinKind, Rsvp, StatusReason } from './attendance';
import {
  MINUTES_SCHEMA_VERSION,
  type Action,
  type AgendaItem,
  type Conflict,
  type Decision,
  type FollowUp,
  type FollowUpState,
  type Minutes,
  type NoteBlock,
  type OrganiserCopy,
  type OrganiserCopyEntry,
  type PersonRef,
  type Publication,
  type PublishedTask,
  type UnassignedReason,
} from './minutes';
import type { Approver, SignOffRound } from './signOff';

export type RestoreResult =
  | { ok: true; minutes: Minutes; /** What had to be repaired, for the log. */ repairs: string[] }
  | { ok: false; reason: 'not-minutes' | 'newer-version'; version?: number };

type Rec = Record<string, unknown>;

const isRec = (v: unknown): v is Rec => typeof v === 'object' && v !== null && !Array.isArray(v);
const str = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);
const DATE = /^\d{4}-\d{2}-\d{2}$/;
const TIME = /^\d{2}:\d{2}$/;
const STATUSES = new Set(['present', 'absent', 'excused']);
const FOLLOW_UP_STATES = new Set<FollowUpState>(['open', 'done', 'carried', 'dropped']);
const REASONS = new Set<StatusReason>(['in-report', 'not-in-report', 'no-time-in-report', 'declined', 'accepted', 'tentative', 'organiser', 'no-reply']);
const RSVPS = new Set<Rsvp>(['organizer', 'accepted', 'tentative', 'declined', 'none']);
const UNASSIGNED = new Set<UnassignedReason>(['guest', 'not-member', 'no-account', 'no-owner']);
const JOIN_KINDS = new Set<JoinKind>(['directory', 'external', 'phone', 'anonymous', 'room']);
const instant = (v: unknown): string | undefined => (typeof v === 'string' && !Number.isNaN(Date.parse(v)) ? v : undefined);

class Restorer {
  readonly repairs: string[] = [];

  note(what: string) {
    if (this.repairs.length < 50) this.repairs.push(what);
  }

  /** A list of things with ids: non-objects and repeated ids are dropped, each kept once. */
  list<T>(value: unknown, what: string, item: (r: Rec, path: string) => T | undefined): T[] {
    if (value === undefined) return [];
    if (!Array.isArray(value)) {
      this.note(`${what} is not a list`);
      return [];
    }
    const seen = new Set<string>();
    const out: T[] = [];
    value.forEach((v, i) => {
      if (!isRec(v)) return this.note(`${what}[${i}] is not an object`);
      const id = str(v.id) ?? str(v.key);
      if (id !== undefined && seen.has(id)) return this.note(`${what}[${i}] repeats ${id}`);
      const t = item(v, `${what}[${i}]`);
      if (t === undefined) return this.note(`${what}[${i}] could not be read`);
      if (id !== undefined) seen.add(id);
      out.push(t);
    });
    return out;
  }

  person(v: unknown): PersonRef | undefined {
    if (!isRec(v) || typeof v.key !== 'string' || typeof v.displayName !== 'string') return undefined;
    return { key: v.key, displayName: v.displayName, email: str(v.email), organisation: str(v.organisation) };
  }

  date(v: unknown, what: string): string | undefined {
    if (v === undefined) return undefined;
    if (typeof v === 'string' && DATE.test(v) && !Number.isNaN(Date.parse(v))) return v;
    this.note(`${what} is not a date`);
    return undefined;
  }

  time(v: unknown): string | undefined {
    return typeof v === 'string' && TIME.test(v) ? v : undefined;
  }

  action = (r: Rec, path: string): Action | undefined => {
    const id = str(r.id);
    if (!id) return undefined;
    return { id, what: str(r.what) ?? '', owner: this.person(r.owner), due: this.date(r.due, `${path}.due`) };
  };

  decision = (r: Rec): Decision | undefined => {
    const id = str(r.id);
    return id ? { id, text: str(r.text) ?? '' } : undefined;
  };

  noteBlock = (r: Rec): NoteBlock | undefined => {
    const id = str(r.id);
    return id ? { id, group: str(r.group), scribe: this.person(r.scribe), html: str(r.html) ?? '' } : undefined;
  };

  item = (r: Rec, path: string): AgendaItem | undefined => {
    const id = str(r.id);
    if (!id) return undefined;
    return {
      id,
      time: this.time(r.time),
      endTime: this.time(r.endTime),
      title: str(r.title) ?? '',
      presenter: str(r.presenter),
      subPoints: Array.isArray(r.subPoints) ? r.subPoints.filter((s): s is string => typeof s === 'string') : [],
      notes: this.list(r.notes, `${path}.notes`, this.noteBlock),
      decisions: this.list(r.decisions, `${path}.decisions`, this.decision),
      actions: this.list(r.actions, `${path}.actions`, this.action),
    };
  };

  followUp = (r: Rec, path: string): FollowUp | undefined => {
    const id = str(r.id);
    const sourceActionId = str(r.sourceActionId);
    const sourceMeeting = str(r.sourceMeeting);
    if (!id || !sourceActionId || !sourceMeeting) return undefined;
    const state = FOLLOW_UP_STATES.has(r.state as FollowUpState) ? (r.state as FollowUpState) : 'open';
    return { id, sourceActionId, sourceMeeting, what: str(r.what) ?? '', owner: this.person(r.owner), due: this.date(r.due, `${path}.due`), state, comment: str(r.comment), taskId: str(r.taskId) };
  };

  mark = (r: Rec): HandMark | undefined => {
    const key = str(r.key);
    const status = str(r.status);
    if (!key || !status || !STATUSES.has(status)) return undefined;
    const added = isRec(r.added) && typeof r.added.displayName === 'string' ? { displayName: r.added.displayName, directoryId: str(r.added.directoryId), email: str(r.added.email), organisation: str(r.added.organisation) } : undefined;
    return { key, status: status as HandMark['status'], ...(added ? { added } : {}) };
  };

  copyEntry = (r: Rec, path: string): OrganiserCopyEntry | undefined => {
    const key = str(r.key);
    const displayName = str(r.displayName);
    const status = str(r.status);
    if (!key || displayName === undefined || !status || !STATUSES.has(status)) return undefined;
    let reason = str(r.reason) as StatusReason | undefined;
    if (!reason || !REASONS.has(reason)) {
      this.note(`${path}.reason is not known`);
      reason = 'no-reply';
    }
    const rsvp = RSVPS.has(r.rsvp as Rsvp) ? (r.rsvp as Rsvp) : undefined;
    const joinedAs = JOIN_KINDS.has(r.joinedAs as JoinKind) ? (r.joinedAs as JoinKind) : undefined;
    return { key, displayName, email: str(r.email), organisation: str(r.organisation), invited: r.invited === true, status: status as OrganiserCopyEntry['status'], reason, rsvp, joinedAs };
  };

  /** The organiser's copy is one object: without who fetched it, when and from what, it is dropped whole. */
  organiserCopy(v: unknown): OrganiserCopy | undefined {
    if (v === undefined) return undefined;
    const what = 'attendance.organiserCopy';
    if (!isRec(v)) {
      this.note(`${what} is not an object`);
      return undefined;
    }
    const fetchedBy = this.person(v.fetchedBy);
    const fetchedAt = instant(v.fetchedAt);
    const source = v.source === 'report' || v.source === 'replies' ? v.source : undefined;
    const meetingStart = instant(v.meetingStart);
    const meetingEnd = instant(v.meetingEnd);
    if (!fetchedBy || !fetchedAt || !source || (source === 'report' && (!meetingStart || !meetingEnd))) {
      this.note(`${what} could not be read`);
      return undefined;
    }
    return { fetchedBy, fetchedAt, source, meetingStart, meetingEnd, entries: this.list(v.entries, `${what}.entries`, this.copyEntry) };
  }

  /** A round sent for approval: without its version, time, sender or approvers it is dropped whole. */
  round = (r: Rec, path: string): SignOffRound | undefined => {
    const version = str(r.version);
    const sentAt = instant(r.sentAt);
    const sentBy = this.person(r.sentBy);
    if (!version || !/^[0-9a-f]{64}$/.test(version) || !sentAt || !sentBy) return undefined;
    const approvers = this.list(r.approvers, `${path}.approvers`, (a): Approver | undefined => {
      const person = this.person(a);
      return person && (a.role === 'chair' || a.role === 'adjuster') ? { ...person, role: a.role } : undefined;
    });
    const content = typeof r.content === 'string' && /^[0-9a-f]{64}$/.test(r.content) ? r.content : undefined;
    return { version, sentAt, sentBy, approvers, ...(content ? { content } : {}) };
  };

  signOff(v: unknown): Minutes['signOff'] {
    if (v === undefined) return undefined;
    if (!isRec(v)) {
      this.note('signOff is not an object');
      return undefined;
    }
    // Rounds have no id: each is read on its own, and the list keeps them in the order sent.
    const rounds = Array.isArray(v.rounds)
      ? v.rounds.flatMap((r, i) => {
          const round = isRec(r) ? this.round(r, `signOff.rounds[${i}]`) : undefined;
          if (!round) this.note(`signOff.rounds[${i}] could not be read`);
          return round ? [round] : [];
        })
      : [];
    return { rounds: rounds.sort((a, b) => Date.parse(a.sentAt) - Date.parse(b.sentAt)) };
  }

  /** What publishing created: without its version, time, publisher, file and message it is dropped whole. */
  publication(v: unknown): Publication | undefined {
    if (v === undefined) return undefined;
    const what = 'publication';
    const version = isRec(v) ? str(v.version) : undefined;
    const publishedAt = isRec(v) ? instant(v.publishedAt) : undefined;
    const publishedBy = isRec(v) ? this.person(v.publishedBy) : undefined;
    const doc = isRec(v) && isRec(v.document) ? v.document : undefined;
    const msg = isRec(v) && isRec(v.message) ? v.message : undefined;
    const document = doc && str(doc.id) && str(doc.name) !== undefined && str(doc.webUrl) ? { id: str(doc.id)!, name: str(doc.name)!, webUrl: str(doc.webUrl)! } : undefined;
    const message = msg && str(msg.id) ? { id: str(msg.id)!, webUrl: str(msg.webUrl) } : undefined;
    if (!isRec(v) || !version || !/^[0-9a-f]{64}$/.test(version) || !publishedAt || !publishedBy || !document || !message) {
      this.note(`${what} could not be read`);
      return undefined;
    }
    const bucket = isRec(v.bucket) && str(v.bucket.id) ? { id: str(v.bucket.id)!, name: str(v.bucket.name) ?? '' } : undefined;
    const tasks = this.list(v.tasks, `${what}.tasks`, (t): PublishedTask | undefined => {
      const actionId = str(t.actionId);
      const taskId = str(t.taskId);
      if (!actionId || !taskId) return undefined;
      const assigneeIds = Array.isArray(t.assigneeIds) ? t.assigneeIds.filter((x): x is string => typeof x === 'string') : [];
      const unassigned = UNASSIGNED.has(t.unassigned as UnassignedReason) ? (t.unassigned as UnassignedReason) : undefined;
      return { actionId, taskId, title: str(t.title) ?? '', assigneeIds, ...(unassigned ? { unassigned } : {}) };
    });
    return { version, publishedAt, publishedBy, document, message, planId: str(v.planId), bucket, tasks };
  }

  conflict = (r: Rec): Conflict | undefined => {
    const path = str(r.path);
    const ours = str(r.ours);
    const theirs = str(r.theirs);
    return path && ours !== undefined && theirs !== undefined ? { path, base: str(r.base), ours, theirs } : undefined;
  };
}

/** Strips undefined fields, so a restored file compares equal to what was written. */
function clean<T>(value: T): T {
  return JSON.parse(JSON.stringify(value)) as T;
}

/** Reads minutes from parsed JSON (a file's text goes through JSON.parse at the edge first). */
export function restoreMinutes(raw: unknown): RestoreResult {
  if (!isRec(raw) || !isRec(raw.meeting) || typeof raw.meeting.eventId !== 'string') return { ok: false, reason: 'not-minutes' };
  const version = raw.schemaVersion;
  if (typeof version === 'number' && version > MINUTES_SCHEMA_VERSION) return { ok: false, reason: 'newer-version', version };
  if (version !== MINUTES_SCHEMA_VERSION) return { ok: false, reason: 'not-minutes', version: typeof version === 'number' ? version : undefined };
  const r = new Restorer();
  const m = raw.meeting;
  const header = isRec(raw.header) ? raw.header : {};
  const attendance = isRec(raw.attendance) ? raw.attendance : {};
  const next = isRec(raw.nextMeeting) ? raw.nextMeeting : {};
  const minutes: Minutes = {
    schemaVersion: MINUTES_SCHEMA_VERSION,
    meeting: {
      eventId: m.eventId as string,
      seriesId: str(m.seriesId),
      subject: str(m.subject) ?? '',
      start: str(m.start) ?? '',
      end: str(m.end) ?? '',
      timeZone: str(m.timeZone) ?? 'UTC',
      place: str(m.place) ?? '',
    },
    templateId: str(raw.templateId) ?? 'minnesanteckningar-sv',
    language: raw.language === 'en' ? 'en' : 'sv',
    header: {
      chairKey: str(header.chairKey),
      secretary: r.person(header.secretary),
      adjusters: r.list(header.adjusters, 'header.adjusters', (p) => r.person(p)),
    },
    attendance: { marks: r.list(attendance.marks, 'attendance.marks', r.mark), organiserCopy: r.organiserCopy(attendance.organiserCopy) },
    agenda: r.list(raw.agenda, 'agenda', r.item),
    followUp: r.list(raw.followUp, 'followUp', r.followUp),
    nextMeeting: { start: str(next.start), end: str(next.end), place: str(next.place), text: str(next.text) ?? '' },
    firstParagraph: typeof raw.firstParagraph === 'number' && Number.isInteger(raw.firstParagraph) && raw.firstParagraph > 0 ? raw.firstParagraph : undefined,
    conflicts: r.list(raw.conflicts, 'conflicts', r.conflict),
    signOff: r.signOff(raw.signOff),
    publication: r.publication(raw.publication),
    updatedAt: str(raw.updatedAt) ?? new Date(0).toISOString(),
  };
  return { ok: true, minutes: clean(minutes), repairs: r.repairs };
}
