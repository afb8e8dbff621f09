// The group's year at a glance (issue 13): the meetings of a period with their state, the register of
// decisions, the register of actions with their Planner status, and attendance per meeting, person,
// organisation and county, for the "Året" view and the annual report's appendix. Pure: the app reads
// the folder's minutes files, the attendance-only records and the Planner tasks; this module counts.
//
// Dates are calendar dates (YYYY-MM-DD): a meeting's is the day it started in its own time zone, as
// its folder is named (meetingFolder.ts), so a meeting is in the same year here as in the channel.

import { applyHandMarks, type Attendance, type AttendanceStatus } from './attendance';
import { dayIn, type FollowUpStatus } from './followUpStatus';
import { paragraphNumbers, publishedTaskIds, type FollowUpState, type Minutes, type PersonRef } from './minutes';
import { attendanceFromOrganiserCopy } from './organiserCopy';
import { personKey } from './people';
import { rosterEntryOf, type OrganisationKind, type RosterEntry, type RosterRole } from './settings';
import { templateFor, type Template } from './templates';

// ---------------------------------------------------------------------------------------------
// The period and its meetings

/** A range of calendar dates, both ends included (YYYY-MM-DD). */
export interface Period {
  from: string;
  to: string;
}

/**
 * The group's year: the calendar year of a date (YYYY-MM-DD; for today, the caller's clock in the
 * group's zone, followUpStatus.ts dayIn), as § numbering counts it (minutes.ts firstParagraphFor).
 */
export function groupYear(date: string): Period {
  const year = date.slice(0, 4);
  return { from: `${year}-01-01`, to: `${year}-12-31` };
}

export function inPeriod(date: string | undefined, period: Period): boolean {
  return date !== undefined && date >= period.from && date <= period.to;
}

/** A meeting held before the group used Justera: its date, subject and who was there, added by hand. */
export interface AttendanceOnlyMeeting {
  /** YYYY-MM-DD. */
  date: string;
  subject: string;
  attendance: { person: PersonRef; status: AttendanceStatus }[];
}

/**
 * One meeting of the group's folder, as the app read it: its minutes, a file that could not be read
 * (the reason as the page says it; listed, not counted), or an attendance-only record. `approved` is
 * the app's answer to whether the current round is approved by everyone (signOff.ts countAnswers): the
 * answers are files beside the minutes, which the domain does not read.
 */
export type YearMeeting =
  | { folder: string; kind: 'minutes'; minutes: Minutes; approved?: boolean }
  | { folder: string; kind: 'unreadable'; reason: string }
  | { folder: string; kind: 'attendance-only'; record: AttendanceOnlyMeeting };

/** The record file's own kind and shape version: a file of any other kind is not a record. */
export const ATTENDANCE_RECORD_KIND = 'justera-attendance-record';
export const ATTENDANCE_RECORD_SCHEMA_VERSION = 1;

/** What a record's file holds (JSON beside where minutes would be). */
export interface AttendanceRecordFile extends AttendanceOnlyMeeting {
  kind: typeof ATTENDANCE_RECORD_KIND;
  schemaVersion: typeof ATTENDANCE_RECORD_SCHEMA_VERSION;
}

export function attendanceRecordFile(record: AttendanceOnlyMeeting): AttendanceRecordFile {
  return { kind: ATTENDANCE_RECORD_KIND, schemaVersion: ATTENDANCE_RECORD_SCHEMA_VERSION, ...record };
}

export type RecordRestoreResult =
  | { ok: true; record: AttendanceOnlyMeeting; /** What had to be repaired, for the log. */ repairs: string[] }
  | { ok: false; reason: 'not-a-record' | 'newer-version'; version?: number };

const isRec = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const optStr = (v: unknown) => (typeof v === 'string' && v.trim() ? v : undefined);
const STATUSES = new Set<unknown>(['present', 'absent', 'excused']);

/**
 * Reads an attendance-only record from parsed JSON, as restoreMinutes reads minutes: a file of
 * another kind, without a date, or from a newer Justera is refused; a person without a key and a name,
 * a status not known, or a person listed twice is dropped with a note, and the rest is kept.
 */
export function restoreAttendanceRecord(raw: unknown): RecordRestoreResult {
  if (!isRec(raw) || raw.kind !== ATTENDANCE_RECORD_KIND) return { ok: false, reason: 'not-a-record' };
  const version = raw.schemaVersion;
  if (typeof version === 'number' && version > ATTENDANCE_RECORD_SCHEMA_VERSION) return { ok: false, reason: 'newer-version', version };
  if (version !== ATTENDANCE_RECORD_SCHEMA_VERSION) return { ok: false, reason: 'not-a-record', version: typeof version === 'number' ? version : undefined };
  const date = typeof raw.date === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(raw.date) && !Number.isNaN(Date.parse(raw.date)) ? raw.date : undefined;
  if (!date) return { ok: false, reason: 'not-a-record' };
  const repairs: string[] = [];
  if (raw.attendance !== undefined && !Array.isArray(raw.attendance)) repairs.push('attendance is not a list');
  const attendance: AttendanceOnlyMeeting['attendance'] = [];
  (Array.isArray(raw.attendance) ? raw.attendance : []).forEach((v: unknown, i) => {
    const p = isRec(v) && isRec(v.person) ? v.person : undefined;
    const key = optStr(p?.key);
    const displayName = optStr(p?.displayName);
    if (!isRec(v) || !key || !displayName || !STATUSES.has(v.status)) return void repairs.push(`attendance[${i}] could not be read`);
    if (attendance.some((a) => a.person.key === key)) return void repairs.push(`attendance[${i}] repeats ${key}`);
    const email = optStr(p!.email);
    const organisation = optStr(p!.organisation);
    attendance.push({ person: { key, displayName, ...(email && { email }), ...(organisation && { organisation }) }, status: v.status as AttendanceStatus });
  });
  return { ok: true, record: { date, subject: typeof raw.subject === 'string' ? raw.subject : '', attendance }, repairs };
}

export type MeetingState = 'draft' | 'sent' | 'approved' | 'published';

/**
 * Where the minutes are in their life: published once publishing recorded what it created; approved
 * only when the caller says the current round is (without the answers, sent minutes stay 'sent');
 * sent once a round was recorded; else a draft. A round voided by a later edit still says 'sent': the
 * domain cannot hash the content, and the minutes did go out.
 */
export function meetingState(minutes: Pick<Minutes, 'signOff' | 'publication'>, approved = false): MeetingState {
  if (minutes.publication) return 'published';
  if ((minutes.signOff?.rounds.length ?? 0) === 0) return 'draft';
  return approved ? 'approved' : 'sent';
}

const FOLDER_DATE = /^(\d{4}-\d{2}-\d{2})(?: (.*?))?(?: \([0-9a-z]+\))?$/u;

/** The date and subject a meeting folder's name carries ("2026-12-04 Samordningsgrupp (1x2y3z4)"). */
export function folderMeeting(folder: string): { date?: string; subject: string } {
  const match = FOLDER_DATE.exec(folder);
  if (!match || Number.isNaN(Date.parse(match[1]!))) return { subject: folder };
  return { date: match[1], subject: match[2] ?? '' };
}

/**
 * The calendar day of an instant in a zone; a zone Intl does not know (a hand-edited file) gives the
 * UTC day rather than a year view that fails on one file. Undefined for no instant.
 */
function dayOf(instant: string | undefined, timeZone: string): string | undefined {
  if (instant === undefined || Number.isNaN(Date.parse(instant))) return undefined;
  try {
    return dayIn(instant, timeZone);
  } catch {
    return new Date(instant).toISOString().slice(0, 10);
  }
}

const minutesDate = (minutes: Minutes) => dayOf(minutes.meeting.start, minutes.meeting.timeZone);

/** One meeting of the period as the list of meetings shows it. */
export interface PeriodMeeting {
  folder: string;
  /** YYYY-MM-DD; from the folder's name for a file that could not be read. */
  date?: string;
  subject: string;
  /** 'unreadable' and 'attendance-only' meetings have no minutes, hence no state of their own. */
  state: MeetingState | 'unreadable' | 'attendance-only';
  /** Why the file could not be read. */
  reason?: string;
  meeting: YearMeeting;
}

function describe(m: YearMeeting): PeriodMeeting {
  switch (m.kind) {
    case 'minutes':
      return { folder: m.folder, date: minutesDate(m.minutes) ?? folderMeeting(m.folder).date, subject: m.minutes.meeting.subject, state: meetingState(m.minutes, m.approved), meeting: m };
    case 'attendance-only':
      return { folder: m.folder, date: m.record.date, subject: m.record.subject, state: 'attendance-only', meeting: m };
    case 'unreadable':
      return { folder: m.folder, ...folderMeeting(m.folder), state: 'unreadable', reason: m.reason, meeting: m };
  }
}

/**
 * The meetings of a period, oldest first (by start within a day). A meeting is in the period by its
 * date; an unreadable file whose folder name carries no date is listed in every period, since it
 * cannot be placed and hiding it would hide that something is missing.
 */
export function meetingsOfPeriod(meetings: readonly YearMeeting[], period: Period): PeriodMeeting[] {
  const startOf = (m: YearMeeting) => (m.kind === 'minutes' ? m.minutes.meeting.start : '');
  return meetings
    .map(describe)
    .filter((m) => inPeriod(m.date, period) || (m.date === undefined && m.state === 'unreadable'))
    .sort((a, b) => (a.date ?? '').localeCompare(b.date ?? '') || startOf(a.meeting).localeCompare(startOf(b.meeting)) || a.folder.localeCompare(b.folder));
}

/** The minutes of the period, in meeting order. */
function minutesOfPeriod(meetings: readonly YearMeeting[], period: Period): { folder: string; date: string; minutes: Minutes }[] {
  return meetingsOfPeriod(meetings, period).flatMap((m) => (m.meeting.kind === 'minutes' && m.date ? [{ folder: m.folder, date: m.date, minutes: m.meeting.minutes }] : []));
}

// ---------------------------------------------------------------------------------------------
// The registers

/** Where a register's row comes from: the meeting (its folder is the link to its minutes) and the agenda item. */
export interface RegisterSource {
  folder: string;
  date: string;
  subject: string;
  itemId: string;
  itemTitle: string;
  /** The item's § when the minutes' template numbers paragraphs ("Protokoll"). */
  paragraph?: number;
  /** The published .docx of the minutes, when they were published: what a reader opens. */
  documentUrl?: string;
}

export interface DecisionRow extends RegisterSource {
  decisionId: string;
  text: string;
}

/** The agenda items of minutes, each with what a register's row says of where it comes from. */
function sourcesOf(folder: string, date: string, minutes: Minutes, templates: readonly Template[]) {
  const numbered = templateFor(minutes.templateId, templates, minutes.language).numberedParagraphs;
  const numbers = numbered ? paragraphNumbers(minutes) : undefined;
  const documentUrl = minutes.publication?.document.webUrl;
  return minutes.agenda.map((item) => {
    const paragraph = numbers?.get(item.id);
    const source: RegisterSource = {
      folder,
      date,
      subject: minutes.meeting.subject,
      itemId: item.id,
      itemTitle: item.title,
      ...(paragraph !== undefined && { paragraph }),
      ...(documentUrl && { documentUrl }),
    };
    return { item, source };
  });
}

/**
 * Every decision of the period, by date and then in agenda order. `templates` are the group's own
 * (settings.templates): whether a template numbers its paragraphs decides whether rows carry a §.
 */
export function decisionsRegister(meetings: readonly YearMeeting[], period: Period, templates: readonly Template[] = []): DecisionRow[] {
  return minutesOfPeriod(meetings, period).flatMap(({ folder, date, minutes }) =>
    sourcesOf(folder, date, minutes, templates).flatMap(({ item, source }) => item.decisions.map((d) => ({ ...source, decisionId: d.id, text: d.text }))),
  );
}

/** A Planner task's status as the app read it (followUpStatus.ts FollowUpStatus). */
export type TaskStatus = Pick<FollowUpStatus, 'state' | 'completedAt' | 'completedBy'>;

export interface ActionRow extends RegisterSource {
  actionId: string;
  what: string;
  owner?: PersonRef;
  /** YYYY-MM-DD. */
  due?: string;
  /** The Planner task the action became when its minutes were published. */
  taskId?: string;
  /**
   * Planner's status of the task; 'never-published' for an action of minutes not published (or
   * added after); 'unknown' when the task was published but its status was not read.
   */
  status: FollowUpStatus['state'] | 'never-published';
  /** For an action never published: how the latest minutes that followed it up left it (any period). */
  followedUp?: FollowUpState;
  /** Still open (not done, deleted or dropped) and its due date has passed. */
  overdue: boolean;
  /** Done in Planner: on the due date or before, or after it (the completion day in the meeting's zone). */
  completed?: 'on-time' | 'late';
  completedAt?: string;
  completedBy?: string;
}

/**
 * Every action of the period's agenda items, by meeting date and agenda order, with its Planner
 * status (`statuses` by task id), whether it is overdue on `today` (YYYY-MM-DD, from the caller's
 * clock) and whether a completed one was done in time. An action never published is open until a
 * later meeting's follow-up marks it done or dropped. `templates` as for decisionsRegister.
 */
export function actionsRegister(
  meetings: readonly YearMeeting[],
  period: Period,
  statuses: ReadonlyMap<string, TaskStatus>,
  today: string,
  templates: readonly Template[] = [],
): ActionRow[] {
  // Later follow-ups overwrite earlier ones (the meetings are in date order), also those after the
  // period: how an action of March was followed up in May is what the March register should say.
  const followedUp = new Map<string, FollowUpState>();
  for (const { minutes } of minutesOfPeriod(meetings, { from: '0000-01-01', to: '9999-12-31' })) for (const f of minutes.followUp) followedUp.set(`${f.sourceMeeting}\n${f.sourceActionId}`, f.state);

  return minutesOfPeriod(meetings, period).flatMap(({ folder, date, minutes }) => {
    const tasks = publishedTaskIds(minutes);
    return sourcesOf(folder, date, minutes, templates).flatMap(({ item, source }) =>
      item.actions.map((a): ActionRow => {
        const taskId = tasks.get(a.id);
        const task = taskId === undefined ? undefined : statuses.get(taskId);
        const status = taskId === undefined ? 'never-published' : (task?.state ?? 'unknown');
        const recorded = taskId === undefined ? followedUp.get(`${minutes.meeting.eventId}\n${a.id}`) : undefined;
        const open = status === 'not-started' || status === 'in-progress' || (status === 'never-published' && recorded !== 'done' && recorded !== 'dropped');
        const doneDay = status === 'done' ? dayOf(task?.completedAt, minutes.meeting.timeZone) : undefined;
        const row: ActionRow = {
          ...source,
          actionId: a.id,
          what: a.what,
          owner: a.owner,
          due: a.due,
          taskId,
          status,
          followedUp: recorded,
          overdue: open && a.due !== undefined && a.due < today,
          completed: doneDay && a.due ? (doneDay > a.due ? 'late' : 'on-time') : undefined,
          completedAt: task?.state === 'done' ? task.completedAt : undefined,
          completedBy: task?.state === 'done' ? task.completedBy : undefined,
        };
        return JSON.parse(JSON.stringify(row)) as ActionRow;
      }),
    );
  });
}

/** Case- and accent-insensitive: "ostersund" finds "Östersund", "BESLUT" finds "beslut". */
export function foldForSearch(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').toLocaleLowerCase('sv').replace(/\s+/gu, ' ');
}

function rowText(row: DecisionRow | ActionRow): string {
  const own = 'decisionId' in row ? [row.text] : [row.what, row.owner?.displayName, row.owner?.organisation, row.due];
  return [row.date, row.subject, row.itemTitle, row.paragraph === undefined ? undefined : `§${row.paragraph} § ${row.paragraph}`, ...own].filter(Boolean).join('\n');
}

/** The rows whose text has every word of the search in it (in any order); all rows for an empty search. */
export function filterRegister<R extends DecisionRow | ActionRow>(rows: readonly R[], text: string): R[] {
  const words = foldForSearch(text).split(' ').filter(Boolean);
  if (words.length === 0) return [...rows];
  return rows.filter((row) => {
    const haystack = foldForSearch(rowText(row));
    return words.every((w) => haystack.includes(w));
  });
}

// ---------------------------------------------------------------------------------------------
// Attendance over the period

/** A role in the group for the year's counts: the roster's, or 'guest' for someone outside it. */
export type YearRole = RosterRole | 'guest';

export interface MeetingPerson {
  person: PersonRef;
  /** The organisation the person came from at this meeting: the minutes' own, else the roster's. */
  organisation?: string;
  role: YearRole;
  status: AttendanceStatus;
}

export interface MeetingAttendance {
  folder: string;
  date?: string;
  subject: string;
  source: 'minutes' | 'attendance-only' | 'unreadable';
  /** Why the file could not be read: such a meeting is listed and not counted. */
  reason?: string;
  /**
   * What the list rests on: the attendance report or only the replies to the invitation (as the
   * organiser's Justera kept them in the minutes), only the secretary's own marks (no organiser's copy
   * was ever written: the list may be short), or a record added by hand.
   */
  basis?: 'report' | 'replies' | 'marks-only' | 'record';
  people: MeetingPerson[];
  present: number;
  absent: number;
  excused: number;
}

export interface PersonYear {
  person: PersonRef;
  role: YearRole;
  /** Every organisation the person came from in the period, in meeting order. */
  organisations: string[];
  present: number;
  absent: number;
  excused: number;
}

export interface Representative {
  person: PersonRef;
  role: YearRole;
  /** Meetings at which they were present for this organisation. */
  meetings: number;
}

export interface OrganisationYear {
  /** As the roster spells it, else as the minutes did. */
  organisation: string;
  county?: string;
  kind?: OrganisationKind;
  inRoster: boolean;
  /** Meetings at which someone from the organisation was present. */
  meetings: number;
  /** Meetings at which a member (ordinarie) or substitute (ersättare) from it was present. */
  meetingsByMembers: number;
  by: Representative[];
}

export interface CountyYear {
  county: string;
  /** Meetings at which some organisation of the county was represented. */
  meetings: number;
  organisations: string[];
  neverRepresented: string[];
}

export interface YearAttendance {
  meetings: MeetingAttendance[];
  /** Meetings counted: those with minutes or an attendance-only record, not the unreadable ones. */
  counted: number;
  people: PersonYear[];
  organisations: OrganisationYear[];
  counties: CountyYear[];
  /** Organisations of the roster nobody was present for in the period. */
  neverRepresented: string[];
}

/** Organisation names as people type them: the same one whatever the case and spacing. */
const orgKey = (name: string) => name.normalize('NFC').replace(/\s+/gu, ' ').trim().toLocaleLowerCase('sv');

const rosterOrganisation = (e: RosterEntry) => e.organisation ?? e.person.organisation;

/**
 * Who the minutes say was there: the organiser's copy (what their Justera read) with the secretary's
 * marks laid over it, as the meeting page shows it (organiserCopy.ts, attendance.ts). A mark for
 * someone neither in the copy nor added by hand is a roster person marked from the group's list;
 * they are found in the roster by key, and a mark nobody can be named for is left out.
 */
export function minutesAttendance(minutes: Minutes, roster: readonly RosterEntry[]): { person: PersonRef; status: AttendanceStatus }[] {
  const copy = minutes.attendance.organiserCopy;
  const base: Attendance = copy ? attendanceFromOrganiserCopy(copy, []) : { source: { kind: 'rsvp', reason: 'not-organiser' }, entries: [], notices: [] };
  const marked = applyHandMarks(base, minutes.attendance.marks);
  const out = marked.entries.map((e) => ({
    person: { key: e.key, displayName: e.person.displayName, ...(e.person.email && { email: e.person.email }), ...(e.person.organisation && { organisation: e.person.organisation }) },
    status: e.status,
  }));
  for (const mark of minutes.attendance.marks) {
    if (mark.added || marked.entries.some((e) => e.key === mark.key)) continue;
    const entry = roster.find((r) => r.person.key === mark.key);
    if (entry) out.push({ person: entry.person, status: mark.status });
  }
  return out;
}

/** Per meeting, per person, per organisation and per county, over the meetings of the period. */
export function attendanceYear(meetings: readonly YearMeeting[], period: Period, roster: readonly RosterEntry[]): YearAttendance {
  const ofPeriod = meetingsOfPeriod(meetings, period);
  const people = new Map<string, PersonYear>();
  const orgs = new Map<string, OrganisationYear & { folders: Set<string>; byMembers: Set<string>; reps: Map<string, Representative> }>();
  const orgOf = (name: string) => {
    const key = orgKey(name);
    let org = orgs.get(key);
    if (!org) {
      const entry = roster.find((r) => rosterOrganisation(r) !== undefined && orgKey(rosterOrganisation(r)!) === key);
      org = {
        organisation: entry ? rosterOrganisation(entry)! : name,
        ...(entry?.county && { county: entry.county }),
        ...(entry?.kind && { kind: entry.kind }),
        inRoster: entry !== undefined,
        meetings: 0,
        meetingsByMembers: 0,
        by: [],
        folders: new Set(),
        byMembers: new Set(),
        reps: new Map(),
      };
      orgs.set(key, org);
    }
    return org;
  };
  for (const e of roster) {
    const name = rosterOrganisation(e);
    if (name) orgOf(name);
  }

  const rows = ofPeriod.map((m): MeetingAttendance => {
    const head = { folder: m.folder, date: m.date, subject: m.subject };
    const meeting = m.meeting;
    if (meeting.kind === 'unreadable') return { ...head, source: 'unreadable', reason: meeting.reason, people: [], present: 0, absent: 0, excused: 0 };
    const listed = meeting.kind === 'minutes' ? minutesAttendance(meeting.minutes, roster) : meeting.record.attendance;
    const list = listed.map(({ person, status }): MeetingPerson & { entry?: RosterEntry } => {
      const entry = rosterEntryOf(roster, person);
      const named = person.organisation?.trim() ? person.organisation : entry && rosterOrganisation(entry);
      // The roster's spelling of the organisation, whatever case and spacing the minutes used.
      const organisation = named === undefined ? undefined : orgOf(named).organisation;
      const { organisation: _o, ...who } = entry ? entry.person : person;
      return { person: { ...who, ...(organisation && { organisation }) }, ...(organisation && { organisation }), role: entry?.role ?? 'guest', status, entry };
    });
    for (const p of list) {
      const org = p.organisation === undefined ? undefined : orgOf(p.organisation);
      const key = p.entry ? p.entry.person.key : (p.person.key || personKey(p.person));
      const year = people.get(key) ?? { person: p.person, role: p.role, organisations: [], present: 0, absent: 0, excused: 0 };
      year[p.status] += 1;
      if (org && !year.organisations.includes(org.organisation)) year.organisations.push(org.organisation);
      people.set(key, year);
      if (p.status !== 'present' || !org) continue;
      org.folders.add(m.folder);
      if (p.role === 'member' || p.role === 'substitute') org.byMembers.add(m.folder);
      const rep = org.reps.get(key) ?? { person: p.person, role: p.role, meetings: 0 };
      rep.meetings += 1;
      org.reps.set(key, rep);
    }
    const count = (s: AttendanceStatus) => list.filter((p) => p.status === s).length;
    const basis = meeting.kind === 'attendance-only' ? 'record' : (meeting.minutes.attendance.organiserCopy?.source ?? 'marks-only');
    return { ...head, source: meeting.kind, basis, people: list.map(({ entry: _e, ...p }) => p), present: count('present'), absent: count('absent'), excused: count('excused') };
  });

  const collator = new Intl.Collator('sv', { sensitivity: 'base' });
  const byName = (a: string, b: string) => collator.compare(a, b);
  const organisations = [...orgs.values()]
    .map(({ folders, byMembers, reps, ...o }): OrganisationYear => ({
      ...o,
      meetings: folders.size,
      meetingsByMembers: byMembers.size,
      by: [...reps.values()].sort((a, b) => b.meetings - a.meetings || byName(a.person.displayName, b.person.displayName)),
    }))
    .sort((a, b) => byName(a.organisation, b.organisation));

  const counties = new Map<string, { organisations: string[]; folders: Set<string>; never: string[] }>();
  for (const o of organisations) {
    if (!o.county) continue;
    const c = counties.get(o.county) ?? { organisations: [], folders: new Set<string>(), never: [] };
    c.organisations.push(o.organisation);
    if (o.meetings === 0) c.never.push(o.organisation);
    for (const f of orgs.get(orgKey(o.organisation))!.folders) c.folders.add(f);
    counties.set(o.county, c);
  }

  return {
    meetings: rows,
    counted: rows.filter((r) => r.source !== 'unreadable').length,
    people: [...people.values()].sort((a, b) => byName(a.person.displayName, b.person.displayName)),
    organisations,
    counties: [...counties.entries()]
      .map(([county, c]) => ({ county, meetings: c.folders.size, organisations: c.organisations, neverRepresented: c.never }))
      .sort((a, b) => byName(a.county, b.county)),
    neverRepresented: organisations.filter((o) => o.inRoster && o.meetings === 0).map((o) => o.organisation),
  };
}
