// Roles in the attendance list from the group's roster: the groups' practice names substitutes
// (ersättare) and co-opted members (adjungerade) as such, which the invitation cannot say. Pure.

import type { Attendance, AttendanceEntry, AttendanceRole } from './attendance';
import { sameRef, type RosterEntry } from './settings';
import { personKey } from './people';

/**
 * The attendance with each person's role and organisation from the roster. Chair and secretary
 * keep their roles (they are chosen for the meeting, not the group); someone in the roster who was
 * not invited is still the group's member, substitute or co-opted, not a guest; someone outside the
 * roster keeps the role the list gave them. The roster's organisation wins over the directory's,
 * as the minutes print it.
 */
export function withRoster(attendance: Attendance, roster: readonly RosterEntry[]): Attendance {
  if (roster.length === 0) return attendance;
  const entries = attendance.entries.map((e): AttendanceEntry => {
    const ref = { key: personKey(e.person), displayName: e.person.displayName, email: e.person.email };
    const found = roster.find((r) => sameRef(r.person, ref));
    if (!found) return e;
    const role: AttendanceRole = e.role === 'chair' || e.role === 'secretary' ? e.role : found.role;
    const organisation = found.organisation ?? found.person.organisation ?? e.person.organisation;
    const person = organisation === e.person.organisation ? e.person : { ...e.person, organisation };
    return role === e.role && person === e.person ? e : { ...e, role, person };
  });
  return { ...attendance, entries };
}
