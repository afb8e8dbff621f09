// Who was there: the attendance rules of DESIGN.md ("Attendance"), as pure functions over plain data.
// Present = in this occurrence's attendance report with time in the meeting; absent = invited but not
// in it, or in it with no time at all (0 seconds: the lobby, a join that dropped at once); excused =
// declined; guest = in the report with time but not invited. Without a report, the RSVPs prefill the
// list and say so. Each status says where it came from (statusReason), in words that are true.

import { identityKeys, normaliseName, personKey, samePerson, type Person } from './people';

export type Rsvp = 'organizer' | 'accepted' | 'tentative' | 'declined' | 'none';

export interface Invitee {
  person: Person;
  rsvp: Rsvp;
  /** Optional attendees ("valfri") are still invited; rooms are not invitees but places. */
  optional?: boolean;
}

/** How someone took part, as far as the report tells. */
export type JoinKind = 'directory' | 'external' | 'phone' | 'anonymous' | 'room';

export interface ReportRecord {
  person: Person;
  joinedAs: JoinKind;
  role: 'organizer' | 'coorganizer' | 'presenter' | 'attendee' | 'unknown';
  attendedSeconds: number;
  /** Number of join/leave intervals: more than one means the person left and rejoined. */
  intervals: number;
}

export interface AttendanceReport {
  id: string;
  meetingStart: string;
  meetingEnd: string;
  records: ReportRecord[];
}

export type AttendanceStatus = 'present' | 'absent' | 'excused';
/** The groups' roles; this slice sets member, guest, chair and secretary. */
export type AttendanceRole = 'chair' | 'secretary' | 'member' | 'substitute' | 'coopted' | 'guest';
/** Where a status comes from: the report, the invitation's RSVP, or the secretary's own mark. */
export type StatusBasis = 'report' | 'rsvp' | 'manual';

export interface AttendanceEntry {
  key: string;
  person: Person;
  invited: boolean;
  rsvp?: Rsvp;
  role: AttendanceRole;
  status: AttendanceStatus;
  basis: StatusBasis;
  joinedAs?: JoinKind;
  attendedSeconds?: number;
  rejoined?: boolean;
  /** Invited as optional ("valfri"): not missed when not there. */
  optional?: boolean;
  /**
   * The status comes from what the organiser's Justera read and kept in the minutes (organiserCopy.ts):
   * who fetched it and when (ISO instant).
   */
  viaOrganiser?: { fetchedBy: string; fetchedAt: string };
}

/** Why the RSVPs and not a report decide the list. Each has its own explanation in the UI. */
export type RsvpReason =
  | 'not-ended' // the occurrence has not ended: reports exist only afterwards
  | 'not-organiser' // only the organiser can read reports through Graph
  | 'no-online-meeting' // an in-person meeting, or no Teams link
  | 'no-report' // the meeting ended but no report was found for this occurrence
  | 'report-forbidden' // Graph refused the report to the organiser (a missing permission, a policy)
  | 'report-unavailable'; // the report could not be read for another reason

export type AttendanceSource =
  | { kind: 'report'; reportId: string; meetingStart: string; meetingEnd: string }
  | { kind: 'rsvp'; reason: RsvpReason };

/** Known limits of the report that apply to this list, each explained in the UI. */
export type AttendanceNotice =
  | { kind: 'room-device'; room: string }
  | { kind: 'anonymous-or-phone'; count: number }
  | { kind: 'several-reports'; count: number }
  | { kind: 'not-in-report-means-absent' }
  // People in the report with no time in the meeting: not counted as present (nor listed when uninvited).
  | { kind: 'no-time-in-report'; names: string[] }
  // Graph shows the replies to an invitation only in the organiser's copy of the event.
  | { kind: 'replies-hidden' };

export interface Attendance {
  source: AttendanceSource;
  entries: AttendanceEntry[];
  notices: AttendanceNotice[];
}

export interface Roles {
  /** The signed-in secretary. */
  secretary?: Person;
  /** The chair's person key, when chosen. */
  chairKey?: string;
}

function roleOf(person: Person, invited: boolean, roles: Roles): AttendanceRole {
  if (roles.chairKey && identityKeys(person).includes(roles.chairKey)) return 'chair';
  if (roles.secretary && samePerson(roles.secretary, person)) return 'secretary';
  return invited ? 'member' : 'guest';
}

function rsvpStatus(rsvp: Rsvp): AttendanceStatus {
  switch (rsvp) {
    case 'declined':
      return 'excused';
    case 'organizer':
    case 'accepted':
      return 'present';
    case 'tentative':
    case 'none':
      return 'absent';
  }
}

/** Invitees without duplicates (the organiser is often also in the attendee list). */
function uniqueInvitees(invitees: readonly Invitee[]): Invitee[] {
  const out: Invitee[] = [];
  for (const inv of invitees) if (!out.some((o) => samePerson(o.person, inv.person))) out.push(inv);
  return out;
}

/**
 * Before a report exists (or when it cannot be read): the RSVPs prefill the list. When the user
 * is not the organiser, Graph hides the others' replies, and the list says so.
 */
export function attendanceFromRsvps(
  invitees: readonly Invitee[],
  reason: RsvpReason,
  roles: Roles = {},
  options: { repliesHidden?: boolean } = {},
): Attendance {
  const entries = uniqueInvitees(invitees).map(
    (inv): AttendanceEntry => ({
      key: personKey(inv.person),
      person: inv.person,
      invited: true,
      rsvp: inv.rsvp,
      role: roleOf(inv.person, true, roles),
      status: rsvpStatus(inv.rsvp),
      basis: 'rsvp',
      optional: inv.optional || undefined,
    }),
  );
  const notices: AttendanceNotice[] = options.repliesHidden ? [{ kind: 'replies-hidden' }] : [];
  return { source: { kind: 'rsvp', reason }, entries: sortEntries(entries), notices };
}

/** Several records of one participant (anonymous rejoins, duplicate rows) become one. */
function mergeRecords(records: readonly ReportRecord[]): ReportRecord[] {
  const byKey = new Map<string, ReportRecord>();
  for (const r of records) {
    const key = personKey(r.person);
    const prev = byKey.get(key);
    if (prev) {
      byKey.set(key, {
        ...prev,
        attendedSeconds: prev.attendedSeconds + r.attendedSeconds,
        intervals: prev.intervals + r.intervals,
      });
    } else {
      byKey.set(key, { ...r });
    }
  }
  return [...byKey.values()];
}

/**
 * Matches report records to invitees: directory id, then e-mail, then display name for those the
 * report cannot identify otherwise (phone, anonymous, and people from other tenants). A name that
 * two invitees share is never used: a wrong match is worse than a guest to confirm by hand.
 */
function matchRecords(invitees: readonly Invitee[], records: readonly ReportRecord[]) {
  const strong = new Map<string, number>();
  const byName = new Map<string, number[]>();
  invitees.forEach((inv, i) => {
    for (const k of identityKeys(inv.person)) {
      if (k.startsWith('name:')) byName.set(k, [...(byName.get(k) ?? []), i]);
      else strong.set(k, i);
    }
  });
  const matchOf = new Map<number, number>(); // record index -> invitee index
  const taken = new Set<number>();
  // Strong keys first, for every record, so a name match can never take someone's place.
  records.forEach((rec, r) => {
    for (const k of identityKeys(rec.person).filter((key) => !key.startsWith('name:'))) {
      const i = strong.get(k);
      if (i !== undefined && !taken.has(i)) {
        matchOf.set(r, i);
        taken.add(i);
        return;
      }
    }
  });
  records.forEach((rec, r) => {
    if (matchOf.has(r) || rec.joinedAs === 'directory' || rec.joinedAs === 'room') return;
    const name = normaliseName(rec.person.displayName);
    const candidates = (name ? byName.get(`name:${name}`) : undefined)?.filter((i) => !taken.has(i)) ?? [];
    const only = candidates.length === 1 ? candidates[0] : undefined;
    if (only !== undefined) {
      matchOf.set(r, only);
      taken.add(only);
    }
  });
  return matchOf;
}

/** The list as this occurrence's attendance report decides it. */
export function attendanceFromReport(
  invitees: readonly Invitee[],
  report: AttendanceReport,
  roles: Roles = {},
  options: { rooms?: readonly Person[]; reportsForOccurrence?: number } = {},
): Attendance {
  const people = uniqueInvitees(invitees);
  const roomKeys = new Set((options.rooms ?? []).flatMap((room) => identityKeys(room)));
  const records = mergeRecords(report.records).map((r) =>
    identityKeys(r.person).some((k) => roomKeys.has(k)) ? { ...r, joinedAs: 'room' as const } : r,
  );
  const matchOf = matchRecords(people, records);
  const recordOfInvitee = new Map<number, ReportRecord>();
  matchOf.forEach((i, r) => {
    const rec = records[r];
    if (rec) recordOfInvitee.set(i, rec);
  });

  const entries: AttendanceEntry[] = people.map((inv, i) => {
    const rec = recordOfInvitee.get(i);
    // A record with no time in the meeting is no proof of presence: the person counts as not there.
    const attended = rec !== undefined && rec.attendedSeconds > 0;
    const base = {
      key: personKey(inv.person),
      person: inv.person,
      invited: true,
      rsvp: inv.rsvp,
      role: roleOf(inv.person, true, roles),
      basis: 'report' as const,
      optional: inv.optional || undefined,
    };
    // A declined invitation decides "excused"; the report only tells that they were not there.
    if (!attended && inv.rsvp === 'declined') return { ...base, status: 'excused', basis: 'rsvp', attendedSeconds: rec?.attendedSeconds };
    if (!attended) return { ...base, status: 'absent', attendedSeconds: rec?.attendedSeconds };
    return {
      ...base,
      // The report knows the organisation of a phone or external participant no better than the invitation.
      status: 'present',
      joinedAs: rec.joinedAs,
      attendedSeconds: rec.attendedSeconds,
      rejoined: rec.intervals > 1,
    };
  });

  const notices: AttendanceNotice[] = [{ kind: 'not-in-report-means-absent' }];
  let unidentified = 0;
  const noTime: string[] = [];
  records.forEach((rec, r) => {
    if (rec.attendedSeconds <= 0) noTime.push(rec.person.displayName);
    if (matchOf.has(r)) return;
    if (rec.attendedSeconds <= 0) return;
    if (rec.joinedAs === 'room') {
      notices.push({ kind: 'room-device', room: rec.person.displayName });
      return;
    }
    if (rec.joinedAs === 'phone' || rec.joinedAs === 'anonymous') unidentified += 1;
    entries.push({
      key: personKey(rec.person),
      person: rec.person,
      invited: false,
      role: roleOf(rec.person, false, roles),
      status: 'present',
      basis: 'report',
      joinedAs: rec.joinedAs,
      attendedSeconds: rec.attendedSeconds,
      rejoined: rec.intervals > 1,
    });
  });
  if (unidentified > 0) notices.push({ kind: 'anonymous-or-phone', count: unidentified });
  if (noTime.length > 0) notices.push({ kind: 'no-time-in-report', names: noTime });
  if ((options.reportsForOccurrence ?? 1) > 1) notices.push({ kind: 'several-reports', count: options.reportsForOccurrence ?? 1 });

  return {
    source: { kind: 'report', reportId: report.id, meetingStart: report.meetingStart, meetingEnd: report.meetingEnd },
    entries: sortEntries(entries),
    notices,
  };
}

/** Where a person's status came from, as the page says it. */
export type StatusReason =
  | 'in-report' // in this occurrence's report, with time in the meeting
  | 'not-in-report' // invited, not in the report
  | 'no-time-in-report' // in the report with 0 seconds
  | 'declined' // declined the invitation
  | 'accepted'
  | 'tentative'
  | 'organiser'
  | 'no-reply' // no reply known (or hidden from a non-organiser)
  | 'manual' // the secretary's own mark
  | 'organiser-report'; // the organiser's report, as their Justera kept it in the minutes (present or not)

export function statusReason(e: AttendanceEntry): StatusReason {
  if (e.basis === 'manual') return 'manual';
  if (e.basis === 'report' && e.viaOrganiser) return 'organiser-report';
  if (e.basis === 'report') {
    if (e.status === 'present') return 'in-report';
    return e.attendedSeconds === 0 ? 'no-time-in-report' : 'not-in-report';
  }
  switch (e.rsvp) {
    case 'declined':
      return 'declined';
    case 'accepted':
      return 'accepted';
    case 'tentative':
      return 'tentative';
    case 'organizer':
      return 'organiser';
    default:
      return 'no-reply';
  }
}

/**
 * What the device keeps of a list: only the secretary's own marks (and whoever they added by hand),
 * never the prefilled attendance that Microsoft 365 already holds.
 */
export interface HandMark {
  key: string;
  status: AttendanceStatus;
  /** Only for someone added by hand, who is in no invitation or report to find again. */
  added?: Person;
}

export function handMarks(att: Attendance): HandMark[] {
  return att.entries
    .filter((e) => e.basis === 'manual')
    .map((e) => (e.invited || e.joinedAs ? { key: e.key, status: e.status } : { key: e.key, status: e.status, added: e.person }));
}

/** The secretary's marks laid over a fresh prefill: they win, and people added by hand come back. */
export function applyHandMarks(att: Attendance, marks: readonly HandMark[], roles: Roles = {}): Attendance {
  const byKey = new Map(marks.map((m) => [m.key, m]));
  const used = new Set<HandMark>();
  const entries = att.entries.map((e) => {
    const mark = identityKeys(e.person)
      .map((k) => byKey.get(k))
      .find((m) => m !== undefined) ?? byKey.get(e.key);
    if (!mark) return e;
    used.add(mark);
    return { ...e, status: mark.status, basis: 'manual' as const };
  });
  let out: Attendance = { ...att, entries };
  for (const mark of marks) {
    if (used.has(mark) || !mark.added) continue;
    out = addGuestByHand(out, mark.added, roles);
    out = markByHand(out, personKey(mark.added), mark.status);
  }
  return out;
}

function findEntry(entries: readonly AttendanceEntry[], person: Person): AttendanceEntry | undefined {
  return entries.find((e) => samePerson(e.person, person));
}

/** The secretary's own mark: it wins over the report and the RSVPs, now and at every later update. */
export function markByHand(att: Attendance, key: string, status: AttendanceStatus): Attendance {
  return {
    ...att,
    entries: att.entries.map((e) => (e.key === key ? { ...e, status, basis: 'manual' } : e)),
  };
}

/**
 * Marks every invited, non-optional person not yet marked by hand as present: the quick start when
 * the secretary ticks off the few who are missing rather than the many who are there.
 */
export function markAllInvitedPresent(att: Attendance): Attendance {
  return {
    ...att,
    entries: att.entries.map((e) => (e.invited && !e.optional && e.basis !== 'manual' && e.status !== 'present' ? { ...e, status: 'present', basis: 'manual' } : e)),
  };
}

/** Someone the report cannot see (in the room, on a shared phone) added by the secretary. */
export function addGuestByHand(att: Attendance, person: Person, roles: Roles = {}): Attendance {
  if (findEntry(att.entries, person)) return att;
  const entry: AttendanceEntry = {
    key: personKey(person),
    person,
    invited: false,
    role: roleOf(person, false, roles),
    status: 'present',
    basis: 'manual',
  };
  return { ...att, entries: sortEntries([...att.entries, entry]) };
}

/** Sets the chair (or clears it) and recomputes roles. */
export function withChair(att: Attendance, chairKey: string | undefined, secretary?: Person): Attendance {
  const roles: Roles = { chairKey, secretary };
  return { ...att, entries: att.entries.map((e) => ({ ...e, role: roleOf(e.person, e.invited, roles) })) };
}

export type AttendanceChange =
  | { kind: 'status'; key: string; name: string; from: AttendanceStatus; to: AttendanceStatus }
  | { kind: 'added'; key: string; name: string; status: AttendanceStatus }
  | { kind: 'kept-manual'; key: string; name: string; kept: AttendanceStatus; report: AttendanceStatus };

/**
 * Brings a list up to date with a newer basis (normally the report), keeping every hand-made
 * mark and every person added by hand, and says what changed.
 */
export function reconcile(current: Attendance, incoming: Attendance): { attendance: Attendance; changes: AttendanceChange[] } {
  const changes: AttendanceChange[] = [];
  const used = new Set<AttendanceEntry>();
  const entries: AttendanceEntry[] = incoming.entries.map((next) => {
    const prev = findEntry(current.entries, next.person);
    if (!prev) {
      changes.push({ kind: 'added', key: next.key, name: next.person.displayName, status: next.status });
      return next;
    }
    used.add(prev);
    if (prev.basis === 'manual') {
      if (prev.status !== next.status) {
        changes.push({ kind: 'kept-manual', key: prev.key, name: prev.person.displayName, kept: prev.status, report: next.status });
      }
      return { ...next, key: prev.key, role: prev.role, status: prev.status, basis: 'manual' };
    }
    if (prev.status !== next.status) {
      changes.push({ kind: 'status', key: prev.key, name: prev.person.displayName, from: prev.status, to: next.status });
    }
    return { ...next, key: prev.key, role: prev.role };
  });
  // Whoever the secretary added by hand stays, whatever the report says.
  for (const prev of current.entries) {
    if (!used.has(prev) && prev.basis === 'manual') entries.push(prev);
  }
  return { attendance: { ...incoming, entries: sortEntries(entries) }, changes };
}

const ROLE_ORDER = new Map<AttendanceRole, number>([
  ['chair', 0],
  ['secretary', 1],
  ['member', 2],
  ['substitute', 3],
  ['coopted', 4],
  ['guest', 5],
]);
const collator = new Intl.Collator('sv', { sensitivity: 'base' });

/** Chair and secretary first, then members, then guests; by name within each, Swedish collation. */
export function sortEntries(entries: AttendanceEntry[]): AttendanceEntry[] {
  return [...entries].sort(
    (a, b) => (ROLE_ORDER.get(a.role) ?? 9) - (ROLE_ORDER.get(b.role) ?? 9) || collator.compare(a.person.displayName, b.person.displayName),
  );
}

export interface AttendanceGroups {
  present: AttendanceEntry[];
  guests: AttendanceEntry[];
  excused: AttendanceEntry[];
  absent: AttendanceEntry[];
  /** Optional invitees who were not there: not absent from the minutes' point of view. */
  optionalAway: AttendanceEntry[];
}

/**
 * The lists the minutes print: present (invited), also present (guests), absent with notice,
 * absent; optional invitees who did not come are kept apart unless marked absent by hand.
 */
export function groupAttendance(att: Attendance): AttendanceGroups {
  const groups: AttendanceGroups = { present: [], guests: [], excused: [], absent: [], optionalAway: [] };
  for (const e of att.entries) {
    if (e.status === 'present') (e.invited ? groups.present : groups.guests).push(e);
    else if (e.status === 'excused') groups.excused.push(e);
    else if (e.optional && e.basis !== 'manual') groups.optionalAway.push(e);
    else groups.absent.push(e);
  }
  return groups;
}
