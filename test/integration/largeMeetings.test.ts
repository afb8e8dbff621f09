// Meetings with hundreds of invitees: directory look-ups split into 15s and batches of 20, records
// read page after page through nextLinks relative to our base URL, nothing lost on the way.

import type { RunningEmulator } from '../../emulator/src/server';
import { groupAttendance } from '../../src/domain/attendance';
import * as calendar from '../../src/graph/calendar';
import * as online from '../../src/graph/onlineMeetings';
import { requestLog } from '../../bench/roundTrips';
import { emulatorWith, graphAs, useCases } from './harness';

const NOW = new Date('2026-11-23T09:00:00Z');
const organiser = 'ahmed.yilmaz@regionostmark.se';

let emulator: RunningEmulator;
beforeAll(async () => {
  emulator = await emulatorWith('attendees-300', NOW);
});
afterAll(() => emulator.close());

async function theMeeting() {
  const meetings = await useCases(graphAs(emulator, organiser), NOW).list();
  const m = meetings.find((x) => x.subject.startsWith('Regionalt dialogmöte'));
  if (!m) throw new Error('no meeting');
  return m;
}

it('prefills 300 invitees in five round trips, everyone found in the directory or named as not in it', async () => {
  const log = requestLog();
  const m = await theMeeting();
  const result = await useCases(graphAs(emulator, organiser, { observer: log }), NOW).prefill({ kind: 'event', eventId: m.eventId });
  // 300 invitees, the chair, and the organiser (the secretary) who invited them.
  expect(result.meeting.invitees).toHaveLength(302);
  expect(result.attendance.source.kind).toBe('report');
  const groups = groupAttendance(result.attendance);
  const listed = groups.present.length + groups.absent.length + groups.excused.length + groups.optionalAway.length;
  expect(listed).toBe(302);
  expect(groups.guests.length).toBeGreaterThan(0);
  expect(result.warnings).toEqual([]);
  const withOrganisation = result.attendance.entries.filter((e) => e.invited && e.person.organisation);
  expect(withOrganisation.length + result.notInDirectory.length).toBe(302);
  expect(log.roundTrips()).toBe(5);
});

it('reads every attendance record page by page through nextLinks', async () => {
  const graph = graphAs(emulator, organiser);
  const m = await theMeeting();
  const event = await graph.get(calendar.event(m.eventId, 'UTC'));
  const meeting = await graph.get(online.byJoinUrl(event.joinUrl!));
  const [report] = await graph.all(online.reports(meeting!.id));
  const log = requestLog();
  const records = await graphAs(emulator, organiser, { observer: log }).all(online.records(meeting!.id, report!.id, undefined));
  expect(log.requests.length).toBeGreaterThan(1); // more than one page
  expect(new Set(records.map((r) => r.person.directoryId ?? r.person.displayName)).size).toBe(records.length);
  // The same records as the report with its records expanded (and followed, should it page too).
  const expanded = await graph.get(online.report(meeting!.id, report!.id, undefined));
  const viaExpand = await graph.rest({ items: expanded.report.records, nextLink: expanded.recordsNextLink }, online.records(meeting!.id, report!.id, undefined));
  const key = (r: { person: { directoryId?: string; displayName: string } }) => r.person.directoryId ?? r.person.displayName;
  expect(viaExpand.map(key).sort()).toEqual(records.map(key).sort());
  expect(records.length).toBeGreaterThan(270);
});
