// The baseline the bench compares with: the same prefill done one request at a time, no $batch,
// no $expand, one directory look-up per invitee. Same Graph calls and mappings as src/, in order.

import { attendanceFromReport, attendanceFromRsvps, type ReportRecord } from '../src/domain/attendance';
import { pickReport } from '../src/domain/meeting';
import { normaliseEmail } from '../src/domain/people';
import * as calendar from '../src/graph/calendar';
import type { Graph } from '../src/graph/graph';
import * as online from '../src/graph/onlineMeetings';
import * as users from '../src/graph/users';

export async function naivePrefill(graph: Graph, eventId: string, now: Date, tenantId?: string) {
  await graph.get(users.me());
  const meeting = await graph.get(calendar.event(eventId, 'UTC'));
  for (const inv of meeting.invitees) {
    const email = normaliseEmail(inv.person.email);
    if (email) await graph.get(users.user(email)).catch(() => undefined);
  }
  if (!meeting.joinUrl || !meeting.userIsOrganiser) return attendanceFromRsvps(meeting.invitees, 'not-organiser');
  const found = await graph.get(online.byJoinUrl(meeting.joinUrl));
  if (!found) return attendanceFromRsvps(meeting.invitees, 'report-unavailable');
  const reports = await graph.all(online.reports(found.id));
  const choice = pickReport(reports, meeting, now);
  if (choice.kind !== 'found') return attendanceFromRsvps(meeting.invitees, 'no-report');
  const records: ReportRecord[] = await graph.all(online.records(found.id, choice.report.id, tenantId));
  for (const r of records) {
    if (r.joinedAs === 'directory' && r.person.directoryId) await graph.get(users.user(r.person.directoryId)).catch(() => undefined);
  }
  return attendanceFromReport(meeting.invitees, { ...choice.report, records }, {}, { rooms: meeting.rooms });
}
