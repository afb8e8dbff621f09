// Use case "open a meeting": the minutes' header and attendance, prefilled from Graph in as few
// sequential round trips as the data allows:
//   1. me + the event (or, inside a meeting, the calendar around it + the online meeting)
//   2. invitees in the directory (7 addresses per request, as mail and UPN) + the online meeting
//      (inside a meeting, where step 1 found the online meeting: its attendance reports instead)
//   3. the attendance reports of that online meeting (not needed inside a meeting)
//   4. this occurrence's report with its records
//   5. only when guests from our directory attended: their directory entries
// Each step batches what does not depend on the step before.

import {
  attendanceFromReport,
  attendanceFromRsvps,
  type Attendance,
  type Invitee,
  type ReportRecord,
  type RsvpReason,
} from '../domain/attendance';
import { hasEnded, pickReport, suggestChair, type Meeting } from '../domain/meeting';
import { mergePerson, normaliseEmail, type Person } from '../domain/people';
import { Problem, toProblem } from '../domain/problems';
import * as calendar from '../graph/calendar';
import type { Graph, Outcome } from '../graph/graph';
import * as online from '../graph/onlineMeetings';
import * as users from '../graph/users';
import type { DirectoryUser } from '../graph/users';
import type { LocalStore } from '../store/localStore';

export type MeetingRef =
  | { kind: 'event'; eventId: string }
  /** From a link someone sent (domain/meetingLink.ts): found in this user's own calendar. */
  | { kind: 'link'; iCalUId: string; start: string }
  /** Inside a Teams meeting: what meeting.getMeetingDetails() tells. */
  | { kind: 'meeting'; joinUrl: string; start: string; end: string };

export type PrefillStep = 'meeting' | 'people' | 'report';

export interface PrefillDeps {
  graph: Graph;
  now: () => Date;
  /** The host's time zone, for meetings whose zone we cannot name. */
  timeZone: string;
  tenantId?: string;
  store: LocalStore;
}

export interface Prefill {
  meeting: Meeting;
  secretary: DirectoryUser;
  attendance: Attendance;
  chairKey?: string;
  /** Invitees the directory does not know (external, or a typo in the invitation). */
  notInDirectory: string[];
  /** What could not be read; the minutes still open, and the UI says what is missing. */
  warnings: Problem[];
}

function unwrap<T>(outcome: Outcome<T>): T {
  if (!outcome.ok) throw outcome.problem;
  return outcome.value;
}

const MINUTE = 60_000;

/** Step 1: who the user is and which meeting. */
async function loadMeeting(deps: PrefillDeps, ref: MeetingRef): Promise<{ me: DirectoryUser; meeting: Meeting; onlineMeetingId?: string }> {
  if (ref.kind === 'event') {
    const [me, meeting] = await deps.graph.batch([users.me(), calendar.event(ref.eventId, deps.timeZone)]);
    return { me: unwrap(me), meeting: unwrap(meeting) };
  }
  if (ref.kind === 'link') {
    // The occurrence starts at the link's start; the user's calendar around it holds their copy.
    const around = Date.parse(ref.start);
    const [me, view] = await deps.graph.batch([users.me(), calendar.meetingsAround(new Date(around - MINUTE).toISOString(), new Date(around + MINUTE).toISOString(), deps.timeZone)]);
    const meeting = unwrap(view).find((m) => m.iCalUId === ref.iCalUId);
    if (!meeting) throw new Problem('not-found', 'No event in this calendar has the iCalUId and start the link names');
    return { me: unwrap(me), meeting };
  }
  // Teams tells the join link and scheduled times; the calendar around them holds the event.
  const from = new Date(Date.parse(ref.start) - MINUTE).toISOString();
  const to = new Date(Date.parse(ref.end) + MINUTE).toISOString();
  const [me, view, found] = await deps.graph.batch([users.me(), calendar.meetingsAround(from, to, deps.timeZone), online.byJoinUrl(ref.joinUrl)]);
  const meeting = unwrap(view).find((m) => m.joinUrl === ref.joinUrl);
  if (!meeting) throw new Problem('not-found', 'No calendar event has this meeting link');
  // Not finding the online meeting is no failure here: only the report needs it, and it says so.
  const onlineMeetingId = found.ok ? found.value?.id : undefined;
  return { me: unwrap(me), meeting, onlineMeetingId };
}

function withDirectory(invitees: Invitee[], found: Map<string, DirectoryUser>): Invitee[] {
  return invitees.map((inv) => {
    const user = found.get(normaliseEmail(inv.person.email) ?? '');
    return user ? { ...inv, person: mergePerson({ ...inv.person, directoryId: user.directoryId }, user) } : inv;
  });
}

/** Why the RSVPs decide, when they do; undefined when a report may be read. */
function rsvpReason(meeting: Meeting, now: Date): RsvpReason | undefined {
  if (!meeting.joinUrl) return 'no-online-meeting';
  if (!hasEnded(meeting, now)) return 'not-ended';
  // Graph lets only the organiser read attendance reports; co-organisers get 403 too.
  if (!meeting.userIsOrganiser) return 'not-organiser';
  return undefined;
}

export async function prefill(deps: PrefillDeps, ref: MeetingRef, onStep?: (step: PrefillStep) => void): Promise<Prefill> {
  onStep?.('meeting');
  const warnings: Problem[] = [];
  const { me, meeting, onlineMeetingId: knownMeetingId } = await loadMeeting(deps, ref);
  const secretary: Person = me;
  const reason = rsvpReason(meeting, deps.now());

  // Step 2: the directory for every invitee, and the online meeting when a report may be read.
  onStep?.('people');
  const emails = meeting.invitees.map((i) => normaliseEmail(i.person.email)).filter((e): e is string => !!e);
  const lookups = users.usersByEmail(emails);
  // In the same round trip: the online meeting behind the link, or, when Teams already led us to
  // it, straight its reports. Then the directory look-ups (7 addresses per request).
  const reportMayExist = reason === undefined;
  const [meetingOutcome, reportsOutcome, ...lookupOutcomes] = await deps.graph.batch([
    reportMayExist && !knownMeetingId ? online.byJoinUrl(meeting.joinUrl!) : undefined,
    reportMayExist && knownMeetingId ? online.reports(knownMeetingId) : undefined,
    ...lookups,
  ]);
  const found = new Map<string, DirectoryUser>();
  for (const o of lookupOutcomes) {
    if (!o.ok) warnings.push(o.problem);
    else for (const u of o.value) for (const address of users.addressesOf(u)) found.set(address, u);
  }
  const directoryFailed = lookupOutcomes.some((o) => !o.ok);
  const invitees = withDirectory(meeting.invitees, found);
  const notInDirectory = directoryFailed
    ? []
    : invitees.filter((i) => !i.person.directoryId).map((i) => i.person.email ?? i.person.displayName);
  const enriched: Meeting = { ...meeting, invitees, organiser: invitees.find((i) => i.rsvp === 'organizer')?.person ?? meeting.organiser };

  // A device that keeps nothing only loses the remembered chair here; the page says it keeps nothing.
  const remembered = enriched.seriesId ? await deps.store.getChair(enriched.seriesId).catch(() => undefined) : undefined;
  const chairKey = suggestChair(enriched, secretary, remembered);
  const roles = { secretary, chairKey };

  let onlineMeetingId = knownMeetingId;
  if (meetingOutcome?.ok) onlineMeetingId = meetingOutcome.value?.id;
  else if (meetingOutcome) warnings.push(meetingOutcome.problem);
  const base = { meeting: enriched, secretary: me, chairKey, notInDirectory, warnings };
  // Graph shows the others' replies only in the organiser's copy of the event.
  const fromRsvps = (why: RsvpReason) => attendanceFromRsvps(invitees, why, roles, { repliesHidden: !enriched.userIsOrganiser });
  if (reason) return { ...base, attendance: fromRsvps(reason) };
  if (!onlineMeetingId) return { ...base, attendance: fromRsvps('report-unavailable') };

  // Steps 3 and 4: this occurrence's report (its list is already here when Teams led us to the meeting).
  // The report is optional: whatever stops it (refused, missing, throttled, a dropped connection, an
  // expired sign-in) leaves the replies to decide, with a warning, and never fails the meeting.
  onStep?.('report');
  try {
    const firstReports = reportsOutcome ? unwrap(reportsOutcome) : await deps.graph.get(online.reports(onlineMeetingId));
    const reports = await deps.graph.rest(firstReports, online.reports(onlineMeetingId));
    const choice = pickReport(reports, enriched, deps.now());
    if (choice.kind !== 'found') {
      return { ...base, attendance: fromRsvps(choice.kind === 'not-ended' ? 'not-ended' : 'no-report') };
    }
    const first = await deps.graph.get(online.report(onlineMeetingId, choice.report.id, deps.tenantId));
    const records = await deps.graph.rest(
      { items: first.report.records, nextLink: first.recordsNextLink },
      online.records(onlineMeetingId, choice.report.id, deps.tenantId),
    );
    const report = { ...first.report, records: await withGuestDirectory(deps, records, invitees, warnings) };
    const attendance = attendanceFromReport(invitees, report, roles, { rooms: enriched.rooms, reportsForOccurrence: choice.candidates });
    return { ...base, attendance };
  } catch (e) {
    const problem = toProblem(e);
    warnings.push(problem);
    const why: RsvpReason = problem.kind === 'forbidden' ? 'report-forbidden' : problem.kind === 'not-found' ? 'no-report' : 'report-unavailable';
    return { ...base, attendance: fromRsvps(why) };
  }
}

/** Step 5: organisations of guests from our directory (invitees are already known). */
async function withGuestDirectory(
  deps: PrefillDeps,
  records: ReportRecord[],
  invitees: readonly Invitee[],
  warnings: Problem[],
) {
  const known = new Set(invitees.map((i) => i.person.directoryId).filter(Boolean));
  const ids = records.filter((r) => r.joinedAs === 'directory' && r.person.directoryId && !known.has(r.person.directoryId)).map((r) => r.person.directoryId!);
  if (ids.length === 0) return records;
  const byId = new Map<string, DirectoryUser>();
  // Guests' organisations are optional too: a failure leaves them as the report names them.
  for (const o of await deps.graph.batch(users.usersById(ids))) {
    if (o.ok) o.value.forEach((u) => byId.set(u.directoryId, u));
    else warnings.push(o.problem);
  }
  return records.map((r) => (r.person.directoryId && byId.has(r.person.directoryId) ? { ...r, person: mergePerson(r.person, byId.get(r.person.directoryId)) } : r));
}
