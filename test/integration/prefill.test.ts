// Opening a meeting, as the secretary and as the organiser, against the emulator's demo tenant.

import type { RunningEmulator } from '../../emulator/src/server';
import { groupAttendance } from '../../src/domain/attendance';
import type { MeetingListItem } from '../../src/domain/meeting';
import { emulatorWith, graphAs, useCases } from './harness';

const secretary = 'ahmed.yilmaz@regionostmark.se';
const chair = 'karin.ekstrom@regionostmark.se';
const tenantId = 'ec467dd0-76ff-41ca-a1bd-f36cf68eaad5';

let emulator: RunningEmulator;
const now = new Date();
beforeAll(async () => {
  emulator = await emulatorWith('demo');
});
afterAll(() => emulator.close());

const names = (entries: { person: { displayName: string } }[]) => entries.map((e) => e.person.displayName).sort((a, b) => a.localeCompare(b, 'sv'));

function latestEnded(meetings: MeetingListItem[], subject: string): MeetingListItem {
  const ended = meetings.filter((m) => m.subject === subject && Date.parse(m.end) < now.getTime());
  const last = ended[ended.length - 1];
  if (!last) throw new Error(`no ended occurrence of ${subject}`);
  return last;
}

describe('My meetings', () => {
  it('lists recent and upcoming occurrences of the recurring series, in time order', async () => {
    const meetings = await useCases(graphAs(emulator, secretary), now, tenantId).list();
    const series = meetings.filter((m) => m.subject === 'Samordningsgrupp Nära vård');
    expect(series.some((m) => Date.parse(m.start) < now.getTime())).toBe(true);
    expect(series.some((m) => Date.parse(m.start) > now.getTime())).toBe(true);
    expect(series.every((m) => m.isRecurring && m.place.online)).toBe(true);
    expect(new Set(series.map((m) => m.eventId)).size).toBe(series.length);
    const starts = meetings.map((m) => m.start);
    expect([...starts].sort()).toEqual(starts);
  });

  it('lists an in-person meeting without a Teams link as not online', async () => {
    const meetings = await useCases(graphAs(emulator, secretary), now, tenantId).list();
    expect(meetings.some((m) => !m.place.online && m.place.rooms.length > 0)).toBe(true);
  });
});

describe('the secretary opens the latest meeting of the series', () => {
  it('prefills the header and the attendance from the RSVPs, saying the report is only for the organiser', async () => {
    const uc = useCases(graphAs(emulator, secretary), now, tenantId);
    const occurrence = latestEnded(await uc.list(), 'Samordningsgrupp Nära vård');
    const result = await uc.prefill({ kind: 'event', eventId: occurrence.eventId });
    expect(result.meeting.subject).toBe('Samordningsgrupp Nära vård');
    expect(result.secretary.displayName).toBe('Ahmed Yilmaz');
    expect(result.meeting.organiser.displayName).toBe('Karin Ekström');
    expect(result.meeting.timeZone).toBe('Europe/Berlin'); // W. Europe Standard Time, as Outlook writes Stockholm
    expect(result.attendance.source).toEqual({ kind: 'rsvp', reason: 'not-organiser' });
    // Graph hides the others' replies from attendees: nobody is "excused" on their word, and the list says so.
    expect(result.attendance.notices).toContainEqual({ kind: 'replies-hidden' });
    const groups = groupAttendance(result.attendance);
    expect(names(groups.absent)).toContain('Maja Holm');
    expect(groups.excused).toEqual([]);
    // The organiser is the suggested chair, and everyone has an organisation from the directory or the invitation.
    expect(result.chairKey).toBe('id:a7ebf369-abe6-4ab5-98ee-ea8c3054427a');
    expect(groups.present.find((e) => e.person.displayName === 'Karin Ekström')?.role).toBe('chair');
    expect(groups.present.find((e) => e.person.displayName === 'Ahmed Yilmaz')?.role).toBe('secretary');
  });
});

describe('the organiser opens the same meeting', () => {
  it("lets this occurrence's attendance report decide: present, absent, absent with notice and guests", async () => {
    const uc = useCases(graphAs(emulator, chair), now, tenantId);
    const occurrence = latestEnded(await uc.list(), 'Samordningsgrupp Nära vård');
    const result = await uc.prefill({ kind: 'event', eventId: occurrence.eventId });
    expect(result.attendance.source.kind).toBe('report');
    const groups = groupAttendance(result.attendance);
    expect(names(groups.excused)).toEqual(['Maja Holm']);
    expect(names(groups.absent)).toEqual(['Lars Öberg']);
    expect(names(groups.optionalAway)).toEqual(['Sofia Wik']);
    expect(names(groups.guests)).toContain('Emma Nyberg');
    // She phoned in and gave her name: the report has no id or address, so she is matched by name.
    expect(names(groups.present)).toContain('Petra Andersson');
    expect(groups.present.find((e) => e.person.displayName === 'Petra Andersson')?.joinedAs).toBe('anonymous');
    expect(result.attendance.notices).toContainEqual({ kind: 'room-device', room: expect.stringContaining('Linnéa') });
    // Organisations come from the directory, also for the guest.
    expect(groups.guests.find((e) => e.person.displayName === 'Emma Nyberg')?.person.organisation).toBeTruthy();
    expect(result.warnings).toEqual([]);
  });
});
