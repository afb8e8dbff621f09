// Attendance when the secretary is not the organiser (DESIGN.md, "Attendance"): Graph lets only the
// organiser read the report and see the replies, so the organiser's Justera keeps what it read in
// the meeting's minutes (Minutes.attendance.organiserCopy), and everyone else's list is built from it.
// The rules: what the organiser's client writes and when (only when it changed, and never the replies
// over a report), how a list is made from it (hand marks are laid over it afterwards, and still win),
// and how two copies settle in a merge (one object by one writer: the newer fetch wins, whole).

import { attendanceFromRsvps, sortEntries, statusReason, withChair, type Attendance, type AttendanceEntry, type AttendanceNotice, type Invitee, type Roles, type StatusReason } from './attendance';
import type { OrganiserCopy, OrganiserCopyEntry, PersonRef } from './minutes';
import { identityKeys, mergePerson, normaliseEmail, personKey, samePerson, type Person } from './people';

/** Reasons that come from the report; the others come from the replies to the invitation. */
const REPORT_REASONS = new Set<StatusReason>(['in-report', 'not-in-report', 'no-time-in-report']);

const byKey = (a: OrganiserCopyEntry, b: OrganiserCopyEntry) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0);

/**
 * What the organiser's Justera read, as it goes into the minutes: the list before anyone's hand
 * marks (those are in the minutes already). Undefined when the list is not the organiser's view
 * (Graph hid the replies): a copy is only worth keeping for what only the organiser can see.
 */
export function organiserCopyFrom(attendance: Attendance, fetchedBy: PersonRef, fetchedAt: string): OrganiserCopy | undefined {
  if (attendance.notices.some((n) => n.kind === 'replies-hidden')) return undefined;
  const entries = attendance.entries
    .filter((e) => e.basis !== 'manual' && !e.viaOrganiser)
    .map((e): OrganiserCopyEntry => {
      const entry: OrganiserCopyEntry = {
        key: e.key,
        displayName: e.person.displayName,
        email: e.person.email,
        organisation: e.person.organisation,
        invited: e.invited,
        status: e.status,
        reason: statusReason(e),
        rsvp: e.rsvp,
        joinedAs: e.joinedAs,
      };
      // Only the fields that say something, so the copy compares equal to itself read back from the file.
      for (const k of ['email', 'organisation', 'rsvp', 'joinedAs'] as const) if (entry[k] === undefined) delete entry[k];
      return entry;
    })
    .sort(byKey);
  const source = attendance.source;
  return source.kind === 'report'
    ? { fetchedBy, fetchedAt, source: 'report', meetingStart: source.meetingStart, meetingEnd: source.meetingEnd, entries }
    : { fetchedBy, fetchedAt, source: 'replies', entries };
}

const ENTRY_FIELDS = ['key', 'displayName', 'email', 'organisation', 'invited', 'status', 'reason', 'rsvp', 'joinedAs'] as const;

/** The same lists from the same source, whoever fetched them and whenever. */
export function sameOrganiserCopy(a: OrganiserCopy, b: OrganiserCopy): boolean {
  if (a.source !== b.source || a.meetingStart !== b.meetingStart || a.meetingEnd !== b.meetingEnd) return false;
  if (a.entries.length !== b.entries.length) return false;
  const ea = [...a.entries].sort(byKey);
  const eb = [...b.entries].sort(byKey);
  return ea.every((x, i) => ENTRY_FIELDS.every((f) => x[f] === eb[i]![f]));
}

/**
 * The copy the organiser's client should write over what the minutes hold, or undefined for no
 * write: nothing new (the same lists: opening the meeting again writes nothing, so two clients never
 * chase each other), or only the replies where the minutes already hold the report's lists (a report
 * that could not be read this time does not undo one that was).
 */
export function organiserCopyToWrite(kept: OrganiserCopy | undefined, fresh: OrganiserCopy | undefined): OrganiserCopy | undefined {
  if (!fresh) return undefined;
  if (!kept) return fresh;
  if (kept.source === 'report' && fresh.source === 'replies') return undefined;
  return sameOrganiserCopy(kept, fresh) ? undefined : fresh;
}

const instant = (iso: string) => {
  const t = Date.parse(iso);
  return Number.isNaN(t) ? -Infinity : t;
};

/**
 * Two copies met in a merge (the organiser's tab and their Outlook pane, or a device that was
 * offline): the newer fetch wins as a whole, never a mix of the two lists field by field; a copy on
 * one side only stays (nobody removes one). On a tie, ours.
 */
export function newerOrganiserCopy(ours: OrganiserCopy | undefined, theirs: OrganiserCopy | undefined): OrganiserCopy | undefined {
  if (!ours || !theirs) return ours ?? theirs;
  return instant(theirs.fetchedAt) > instant(ours.fetchedAt) ? theirs : ours;
}

/**
 * Whether asking the organiser still helps: there is no copy yet, or only the replies of a meeting
 * that has ended since (its report may be there now).
 */
export function organiserCopyWanted(copy: OrganiserCopy | undefined, meetingEnd: string, now: Date): boolean {
  if (!copy) return true;
  return copy.source === 'replies' && now.getTime() >= Date.parse(meetingEnd);
}

/** The invitee an entry of the copy names: by its identity key, then by e-mail. */
function inviteeFor(entry: OrganiserCopyEntry, invitees: readonly Invitee[]): Invitee | undefined {
  const email = normaliseEmail(entry.email);
  return (
    invitees.find((inv) => identityKeys(inv.person).includes(entry.key)) ??
    (email ? invitees.find((inv) => normaliseEmail(inv.person.email) === email) : undefined)
  );
}

/**
 * The list as the organiser's copy decides it, for someone who cannot read the report or see the
 * replies: each entry says it came from the organiser (who fetched it, when), and people come with
 * what this user's own invitation and directory know of them (directory id, organisation, optional).
 * Invitees the copy does not name (invited after it was fetched) are listed from the replies this
 * user sees. Lay the hand marks over it afterwards (applyHandMarks): they win.
 */
export function attendanceFromOrganiserCopy(copy: OrganiserCopy, invitees: readonly Invitee[], roles: Roles = {}): Attendance {
  const via = { fetchedBy: copy.fetchedBy.displayName, fetchedAt: copy.fetchedAt };
  const matched = new Set<Invitee>();
  const entries = copy.entries.map((ce): AttendanceEntry => {
    const named: Person = {
      displayName: ce.displayName,
      email: ce.email,
      organisation: ce.organisation,
      directoryId: ce.key.startsWith('id:') ? ce.key.slice(3) : undefined,
    };
    // Guests are matched to no invitee: the organiser's Justera already decided they were not invited.
    const inv = ce.invited ? inviteeFor(ce, invitees) : undefined;
    if (inv) matched.add(inv);
    const person = inv ? mergePerson(inv.person, named) : named;
    return {
      key: inv ? personKey(inv.person) : ce.key,
      person,
      invited: ce.invited,
      rsvp: ce.rsvp,
      role: ce.invited ? 'member' : 'guest',
      status: ce.status,
      basis: REPORT_REASONS.has(ce.reason) ? 'report' : 'rsvp',
      joinedAs: ce.joinedAs,
      // "In the report with no time": the only case where the seconds matter to what the page says.
      attendedSeconds: ce.reason === 'no-time-in-report' ? 0 : undefined,
      optional: inv?.optional || undefined,
      viaOrganiser: via,
    };
  });
  const later = invitees.filter((inv) => !matched.has(inv) && !entries.some((e) => samePerson(e.person, inv.person)));
  const fromReplies = later.length > 0 ? attendanceFromRsvps(later, 'not-organiser', roles).entries : [];

  const notices: AttendanceNotice[] = [];
  if (copy.source === 'report') {
    notices.push({ kind: 'not-in-report-means-absent' });
    const noTime = copy.entries.filter((e) => e.reason === 'no-time-in-report').map((e) => e.displayName);
    if (noTime.length > 0) notices.push({ kind: 'no-time-in-report', names: noTime });
  }
  const attendance: Attendance = {
    source:
      copy.source === 'report'
        ? // The copy does not name the report; its session is what the page shows.
          { kind: 'report', reportId: '', meetingStart: copy.meetingStart ?? '', meetingEnd: copy.meetingEnd ?? '' }
        : // True for this user: they cannot read the report, and the list comes from the replies.
          { kind: 'rsvp', reason: 'not-organiser' },
    entries: [...entries, ...fromReplies],
    notices,
  };
  const withRoles = withChair(attendance, roles.chairKey, roles.secretary);
  return { ...withRoles, entries: sortEntries(withRoles.entries) };
}
