import { applyHandMarks, attendanceFromReport, attendanceFromRsvps, groupAttendance, statusReason, type AttendanceReport, type Invitee } from './attendance';
import { mergeMinutes } from './merge';
import type { Minutes, OrganiserCopy, PersonRef } from './minutes';
import { sampleMinutes } from './minutesFixtures';
import { attendanceFromOrganiserCopy, newerOrganiserCopy, organiserCopyFrom, organiserCopyToWrite, organiserCopyWanted, sameOrganiserCopy } from './organiserCopy';
import { personKey, type Person } from './people';
import { restoreMinutes } from './restoreMinutes';

const karin: Person = { directoryId: 'id-karin', email: 'karin.ekstrom@region.se', displayName: 'Karin Ekström', organisation: 'Region Östmark' };
const ahmed: Person = { directoryId: 'id-ahmed', email: 'ahmed.yilmaz@region.se', displayName: 'Ahmed Yilmaz', organisation: 'Region Östmark' };
const olof: Person = { directoryId: 'id-olof', email: 'olof.bergstrom@region.se', displayName: 'Olof Bergström' };
const maja: Person = { directoryId: 'id-maja', email: 'maja.holm@ekby.se', displayName: 'Maja Holm' };
const lars: Person = { directoryId: 'id-lars', email: 'lars.oberg@region.se', displayName: 'Lars Öberg' };
const sofia: Person = { directoryId: 'id-sofia', email: 'sofia.wik@region.se', displayName: 'Sofia Wik' };
const emma: Person = { directoryId: 'id-emma', email: 'emma.nyberg@region.se', displayName: 'Emma Nyberg' };

/** The invitation as the organiser's calendar has it: every reply visible. */
const organiserInvitees: Invitee[] = [
  { person: karin, rsvp: 'organizer' },
  { person: ahmed, rsvp: 'accepted' },
  { person: olof, rsvp: 'accepted' },
  { person: maja, rsvp: 'declined' },
  { person: lars, rsvp: 'none' },
  { person: sofia, rsvp: 'none', optional: true },
];
/** The same invitation in the secretary's calendar: Graph hides the others' replies. */
const secretaryInvitees: Invitee[] = organiserInvitees.map((i) => ({ ...i, rsvp: i.person === karin ? 'organizer' : i.person === ahmed ? 'accepted' : 'none' }));

const rec = (person: Person, attendedSeconds = 3600) => ({ person, joinedAs: 'directory' as const, role: 'attendee' as const, attendedSeconds, intervals: 1 });
const report: AttendanceReport = {
  id: 'r1',
  meetingStart: '2026-11-27T07:00:00Z',
  meetingEnd: '2026-11-27T08:02:00Z',
  records: [rec(karin), rec(ahmed), rec(olof), rec(emma)],
};
const karinRef: PersonRef = { key: personKey(karin), displayName: 'Karin Ekström', email: karin.email };
const FETCHED = '2026-11-27T09:02:00.000Z';

const organiserView = attendanceFromReport(organiserInvitees, report, { chairKey: personKey(karin) });
const copy = organiserCopyFrom(organiserView, karinRef, FETCHED)!;

describe("the organiser's copy: what the organiser's Justera keeps in the minutes", () => {
  it("holds the report's lists with where each status came from, and who fetched them when", () => {
    expect(copy).toMatchObject({ fetchedBy: karinRef, fetchedAt: FETCHED, source: 'report', meetingStart: report.meetingStart, meetingEnd: report.meetingEnd });
    const byName = Object.fromEntries(copy.entries.map((e) => [e.displayName, [e.status, e.reason, e.invited]]));
    expect(byName).toEqual({
      'Karin Ekström': ['present', 'in-report', true],
      'Ahmed Yilmaz': ['present', 'in-report', true],
      'Olof Bergström': ['present', 'in-report', true],
      'Maja Holm': ['excused', 'declined', true],
      'Lars Öberg': ['absent', 'not-in-report', true],
      'Sofia Wik': ['absent', 'not-in-report', true],
      'Emma Nyberg': ['present', 'in-report', false],
    });
    expect(copy.entries.find((e) => e.displayName === 'Maja Holm')?.rsvp).toBe('declined');
  });

  it('holds the replies when there is no report yet, and nothing when the replies are hidden from the user', () => {
    const replies = organiserCopyFrom(attendanceFromRsvps(organiserInvitees, 'not-ended'), karinRef, FETCHED)!;
    expect(replies.source).toBe('replies');
    expect(replies.entries.find((e) => e.displayName === 'Maja Holm')).toMatchObject({ status: 'excused', reason: 'declined' });
    const hidden = attendanceFromRsvps(secretaryInvitees, 'not-organiser', {}, { repliesHidden: true });
    expect(organiserCopyFrom(hidden, karinRef, FETCHED)).toBeUndefined();
  });

  it("leaves out the organiser's own hand marks: those are in the minutes already", () => {
    const marked = applyHandMarks(organiserView, [{ key: personKey(lars), status: 'present' }]);
    const fromMarked = organiserCopyFrom(marked, karinRef, FETCHED)!;
    expect(fromMarked.entries.some((e) => e.displayName === 'Lars Öberg')).toBe(false);
  });

  it('is written only when the lists changed: opening the meeting again writes nothing', () => {
    const again = organiserCopyFrom(attendanceFromReport(organiserInvitees, report, {}), karinRef, '2026-11-28T10:00:00.000Z')!;
    expect(sameOrganiserCopy(copy, again)).toBe(true);
    expect(organiserCopyToWrite(copy, again)).toBeUndefined();
    expect(organiserCopyToWrite(undefined, again)).toBe(again);
    const later = attendanceFromReport(organiserInvitees, { ...report, records: [...report.records, rec(lars)] });
    const changed = organiserCopyFrom(later, karinRef, '2026-11-28T10:00:00.000Z')!;
    expect(organiserCopyToWrite(copy, changed)).toBe(changed);
  });

  it("never lets the replies replace the report's lists, and lets the report replace the replies", () => {
    const replies = organiserCopyFrom(attendanceFromRsvps(organiserInvitees, 'report-unavailable'), karinRef, '2026-11-28T10:00:00.000Z')!;
    expect(organiserCopyToWrite(copy, replies)).toBeUndefined();
    expect(organiserCopyToWrite(replies, copy)).toBe(copy);
  });

  it('says asking the organiser helps while there is no copy, or only the replies of a meeting that has ended', () => {
    const replies = { ...copy, source: 'replies' as const };
    const end = '2026-11-27T08:00:00Z';
    expect(organiserCopyWanted(undefined, end, new Date('2026-11-20T00:00:00Z'))).toBe(true);
    expect(organiserCopyWanted(replies, end, new Date('2026-11-27T07:30:00Z'))).toBe(false);
    expect(organiserCopyWanted(replies, end, new Date('2026-11-27T09:00:00Z'))).toBe(true);
    expect(organiserCopyWanted(copy, end, new Date('2026-11-27T09:00:00Z'))).toBe(false);
  });
});

describe("the secretary's list from the organiser's copy", () => {
  const roles = { secretary: ahmed, chairKey: personKey(karin) };
  const att = attendanceFromOrganiserCopy(copy, secretaryInvitees, roles);
  const names = (entries: { person: Person }[]) => entries.map((e) => e.person.displayName).sort((a, b) => a.localeCompare(b, 'sv'));
  const entry = (name: string) => att.entries.find((e) => e.person.displayName === name)!;

  it("gives the report's lists to someone who cannot read the report", () => {
    const groups = groupAttendance(att);
    expect(names(groups.present)).toEqual(['Ahmed Yilmaz', 'Karin Ekström', 'Olof Bergström']);
    expect(names(groups.excused)).toEqual(['Maja Holm']);
    expect(names(groups.absent)).toEqual(['Lars Öberg']);
    expect(names(groups.guests)).toEqual(['Emma Nyberg']);
    // Optional comes from the user's own invitation.
    expect(names(groups.optionalAway)).toEqual(['Sofia Wik']);
    expect(att.source).toMatchObject({ kind: 'report', meetingStart: report.meetingStart, meetingEnd: report.meetingEnd });
    expect(att.notices).not.toContainEqual({ kind: 'replies-hidden' });
  });

  it('says each status came from the organiser: their report, or the reply they saw, with who fetched it and when', () => {
    expect(statusReason(entry('Olof Bergström'))).toBe('organiser-report');
    expect(statusReason(entry('Lars Öberg'))).toBe('organiser-report');
    // A declined invitation is the reply, not the report: said as it is.
    expect(statusReason(entry('Maja Holm'))).toBe('declined');
    expect(entry('Maja Holm').viaOrganiser).toEqual({ fetchedBy: 'Karin Ekström', fetchedAt: FETCHED });
  });

  it("keeps the user's roles and the people as the user's directory knows them", () => {
    expect(entry('Karin Ekström').role).toBe('chair');
    expect(entry('Ahmed Yilmaz').role).toBe('secretary');
    expect(entry('Emma Nyberg').role).toBe('guest');
    expect(entry('Olof Bergström').key).toBe(personKey(olof));
  });

  it('lets the hand marks win over the copy', () => {
    const marked = applyHandMarks(att, [{ key: personKey(lars), status: 'present' }, { key: personKey(maja), status: 'absent' }], roles);
    const groups = groupAttendance(marked);
    expect(names(groups.present)).toContain('Lars Öberg');
    expect(names(groups.absent)).toEqual(['Maja Holm']);
    expect(statusReason(marked.entries.find((e) => e.person.displayName === 'Lars Öberg')!)).toBe('manual');
  });

  it('lists someone invited after the copy was fetched from the replies the user sees', () => {
    const nils: Person = { directoryId: 'id-nils', email: 'nils.ahl@region.se', displayName: 'Nils Ahl' };
    const more = attendanceFromOrganiserCopy(copy, [...secretaryInvitees, { person: nils, rsvp: 'none' }], roles);
    const n = more.entries.find((e) => e.person.displayName === 'Nils Ahl')!;
    expect(n).toMatchObject({ status: 'absent', basis: 'rsvp', invited: true });
    expect(n.viaOrganiser).toBeUndefined();
  });

  it("from the replies only: the organiser's replies decide, and the list says it is not the report", () => {
    const replies = organiserCopyFrom(attendanceFromRsvps(organiserInvitees, 'not-ended'), karinRef, FETCHED)!;
    const fromReplies = attendanceFromOrganiserCopy(replies, secretaryInvitees, roles);
    expect(fromReplies.source).toEqual({ kind: 'rsvp', reason: 'not-organiser' });
    expect(names(groupAttendance(fromReplies).excused)).toEqual(['Maja Holm']);
    expect(statusReason(fromReplies.entries.find((e) => e.person.displayName === 'Olof Bergström')!)).toBe('accepted');
  });
});

describe("the organiser's copy in the minutes file", () => {
  const minutes = (c: OrganiserCopy | undefined, over: Partial<Minutes> = {}): Minutes => sampleMinutes({ attendance: { marks: [], ...(c ? { organiserCopy: c } : {}) }, ...over });

  it('is read back as it was written', () => {
    const m = minutes(copy);
    const restored = restoreMinutes(JSON.parse(JSON.stringify(m)));
    expect(restored).toEqual({ ok: true, minutes: m, repairs: [] });
  });

  it('is repaired field by field, and dropped whole without who fetched it, when, or (for a report) its session', () => {
    const raw = JSON.parse(JSON.stringify(minutes(copy)));
    raw.attendance.organiserCopy.entries.push({ key: 'x' }, 'junk', { key: 'id:zed', displayName: 'Zed', status: 'present', reason: 'from-the-future', rsvp: 'maybe', invited: 'yes' });
    const r = restoreMinutes(raw);
    if (!r.ok) throw new Error('not restored');
    const entries = r.minutes.attendance.organiserCopy!.entries;
    expect(entries).toHaveLength(copy.entries.length + 1);
    expect(entries.at(-1)).toEqual({ key: 'id:zed', displayName: 'Zed', status: 'present', reason: 'no-reply', invited: false });
    expect(r.repairs.length).toBeGreaterThan(0);

    for (const broken of [{ ...copy, fetchedBy: undefined }, { ...copy, fetchedAt: 'yesterday' }, { ...copy, source: 'rumour' }, { ...copy, meetingStart: undefined }, 'a copy']) {
      const b = restoreMinutes({ ...JSON.parse(JSON.stringify(minutes(undefined))), attendance: { marks: [], organiserCopy: broken } });
      expect(b.ok && b.minutes.attendance.organiserCopy).toBe(undefined);
    }
  });

  it('merges as one object: the newer fetch wins whole, with no conflicts for the secretary', () => {
    const base = minutes(copy);
    const older = { ...copy, fetchedAt: '2026-11-28T08:00:00.000Z', entries: copy.entries.map((e) => (e.displayName === 'Lars Öberg' ? { ...e, status: 'present' as const, reason: 'in-report' as const } : e)) };
    const newer = { ...copy, fetchedAt: '2026-11-28T09:00:00.000Z', entries: copy.entries.filter((e) => e.displayName !== 'Emma Nyberg') };
    for (const [ours, theirs] of [
      [older, newer],
      [newer, older],
    ]) {
      const merged = mergeMinutes(base, minutes(ours), minutes(theirs));
      expect(merged.attendance.organiserCopy).toEqual(newer);
      expect(merged.conflicts).toEqual([]);
    }
    expect(newerOrganiserCopy(copy, undefined)).toBe(copy);
    expect(newerOrganiserCopy(undefined, copy)).toBe(copy);
  });

  it("keeps the organiser's new copy and the secretary's marks made meanwhile", () => {
    const base = minutes(undefined);
    const secretary = minutes(undefined, { attendance: { marks: [{ key: personKey(lars), status: 'excused' }] } });
    const organiser = minutes(copy);
    for (const merged of [mergeMinutes(base, secretary, organiser), mergeMinutes(base, organiser, secretary)]) {
      expect(merged.attendance).toEqual({ marks: [{ key: personKey(lars), status: 'excused' }], organiserCopy: copy });
      expect(merged.conflicts).toEqual([]);
    }
  });
});
