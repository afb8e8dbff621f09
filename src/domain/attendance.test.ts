import {
  addGuestByHand,
  applyHandMarks,
  attendanceFromReport,
  attendanceFromRsvps,
  groupAttendance,
  markAllInvitedPresent,
  markByHand,
  reconcile,
  handMarks,
  statusReason,
  type AttendanceReport,
  type Invitee,
  type ReportRecord,
} from './attendance';
import { personKey, type Person } from './people';

const anna: Person = { directoryId: 'id-anna', email: 'anna.berg@region.se', displayName: 'Anna Berg', organisation: 'Region Östmark' };
const peter: Person = { directoryId: 'id-peter', email: 'peter.sjo@ekby.se', displayName: 'Peter Sjö', organisation: 'Ekby kommun' };
const eva: Person = { email: 'Eva.Lundin@Norrvik.se', displayName: 'Eva Lundin' }; // external, not in directory
const mats: Person = { directoryId: 'id-mats', email: 'mats.dahl@region.se', displayName: 'Mats Dahl' };
const nils: Person = { directoryId: 'id-nils', email: 'nils.ahl@region.se', displayName: 'Nils Ahl' };

const invitees: Invitee[] = [
  { person: anna, rsvp: 'organizer' },
  { person: peter, rsvp: 'accepted' },
  { person: eva, rsvp: 'tentative' },
  { person: mats, rsvp: 'declined' },
  { person: nils, rsvp: 'none' },
];

const rec = (person: Person, over: Partial<ReportRecord> = {}): ReportRecord => ({
  person,
  joinedAs: 'directory',
  role: 'attendee',
  attendedSeconds: 3600,
  intervals: 1,
  ...over,
});

const report = (records: ReportRecord[]): AttendanceReport => ({
  id: 'r1',
  meetingStart: '2026-11-20T07:00:00Z',
  meetingEnd: '2026-11-20T08:00:00Z',
  records,
});

const names = (entries: { person: Person }[]) => entries.map((e) => e.person.displayName);

describe('attendance from the report', () => {
  const att = attendanceFromReport(
    invitees,
    report([
      rec({ directoryId: 'id-anna', displayName: 'Anna Berg' }, { role: 'organizer' }),
      // Matched by e-mail, whatever its case, although the report has another tenant's id.
      rec({ directoryId: 'other-tenant-id', email: 'eva.lundin@norrvik.se', displayName: 'Eva Lundin (Extern)' }, { joinedAs: 'external' }),
      rec({ directoryId: 'id-lisa', email: 'lisa.tran@region.se', displayName: 'Lisa Tran' }),
    ]),
  );
  const groups = groupAttendance(att);

  it('lists invitees found in the report as present', () => {
    expect(names(groups.present)).toEqual(['Anna Berg', 'Eva Lundin']);
  });

  it('lists a declined invitee who is not in the report as absent with notice', () => {
    expect(names(groups.excused)).toEqual(['Mats Dahl']);
  });

  it('lists other invitees not in the report as absent, whatever they answered', () => {
    expect(names(groups.absent)).toEqual(['Nils Ahl', 'Peter Sjö']);
  });

  it('lists someone in the report who was not invited as a guest', () => {
    expect(names(groups.guests)).toEqual(['Lisa Tran']);
    expect(groups.guests[0]?.role).toBe('guest');
  });

  it('says that absence means "not in the report" and comes from the report', () => {
    expect(att.source).toMatchObject({ kind: 'report', reportId: 'r1' });
    expect(att.notices).toContainEqual({ kind: 'not-in-report-means-absent' });
  });

  it('counts a declined invitee who attended anyway as present', () => {
    const a = attendanceFromReport(invitees, report([rec(mats)]));
    expect(names(groupAttendance(a).present)).toEqual(['Mats Dahl']);
  });
});

describe('matching people in the report', () => {
  it('matches by directory id before e-mail', () => {
    const a = attendanceFromReport([{ person: peter, rsvp: 'accepted' }], report([rec({ directoryId: 'id-peter', email: 'old.address@ekby.se', displayName: 'P S' })]));
    expect(names(groupAttendance(a).present)).toEqual(['Peter Sjö']);
    expect(groupAttendance(a).guests).toHaveLength(0);
  });

  it('matches a phone participant by display name', () => {
    const a = attendanceFromReport([{ person: nils, rsvp: 'accepted' }], report([rec({ displayName: 'nils  AHL' }, { joinedAs: 'phone' })]));
    expect(names(groupAttendance(a).present)).toEqual(['Nils Ahl']);
    expect(groupAttendance(a).present[0]?.joinedAs).toBe('phone');
  });

  it('matches an anonymous participant by display name, ignoring "(Unverified)"', () => {
    const a = attendanceFromReport([{ person: eva, rsvp: 'accepted' }], report([rec({ displayName: 'Eva Lundin (Unverified)' }, { joinedAs: 'anonymous' })]));
    expect(names(groupAttendance(a).present)).toEqual(['Eva Lundin']);
  });

  it('never matches a directory user by name alone', () => {
    const a = attendanceFromReport([{ person: nils, rsvp: 'accepted' }], report([rec({ directoryId: 'id-other-nils', displayName: 'Nils Ahl' })]));
    expect(names(groupAttendance(a).absent)).toEqual(['Nils Ahl']);
    expect(names(groupAttendance(a).guests)).toEqual(['Nils Ahl']);
  });

  it('does not guess when two invitees share the name an anonymous participant gave', () => {
    const twin: Person = { email: 'nils.ahl@ekby.se', displayName: 'Nils Ahl' };
    const a = attendanceFromReport(
      [
        { person: nils, rsvp: 'accepted' },
        { person: twin, rsvp: 'accepted' },
      ],
      report([rec({ displayName: 'Nils Ahl' }, { joinedAs: 'anonymous' })]),
    );
    expect(groupAttendance(a).present).toHaveLength(0);
    expect(groupAttendance(a).guests).toHaveLength(1);
    expect(a.notices).toContainEqual({ kind: 'anonymous-or-phone', count: 1 });
  });

  it('lists a person who left and rejoined once, as present and rejoined', () => {
    const a = attendanceFromReport([{ person: peter, rsvp: 'accepted' }], report([rec(peter, { intervals: 2, attendedSeconds: 1800 })]));
    expect(a.entries).toHaveLength(1);
    expect(a.entries[0]).toMatchObject({ status: 'present', rejoined: true, attendedSeconds: 1800 });
  });

  it('merges two records of one anonymous participant into one guest', () => {
    const a = attendanceFromReport([], report([rec({ displayName: 'Gäst 1' }, { joinedAs: 'anonymous' }), rec({ displayName: 'Gäst 1' }, { joinedAs: 'anonymous', attendedSeconds: 60 })]));
    expect(groupAttendance(a).guests).toHaveLength(1);
    expect(groupAttendance(a).guests[0]?.attendedSeconds).toBe(3660);
  });

  it('does not list a room device as a person, and tells that people in the room are not in the report', () => {
    const room: Person = { email: 'sal.linnea@region.se', displayName: 'Sal Linnéa' };
    const a = attendanceFromReport([{ person: peter, rsvp: 'accepted' }], report([rec(room, { joinedAs: 'directory' })]), {}, { rooms: [room] });
    expect(a.entries.map((e) => e.person.displayName)).toEqual(['Peter Sjö']);
    expect(a.notices).toContainEqual({ kind: 'room-device', room: 'Sal Linnéa' });
  });

  it('lists the organiser once even when also in the attendee list', () => {
    const a = attendanceFromRsvps([{ person: anna, rsvp: 'organizer' }, { person: { ...anna, directoryId: undefined }, rsvp: 'accepted' }], 'not-ended');
    expect(a.entries).toHaveLength(1);
  });

  it('notes that there were several reports for the occurrence', () => {
    const a = attendanceFromReport(invitees, report([]), {}, { reportsForOccurrence: 2 });
    expect(a.notices).toContainEqual({ kind: 'several-reports', count: 2 });
  });
});

describe('optional invitees', () => {
  const sofia: Person = { directoryId: 'id-sofia', email: 'sofia.wik@region.se', displayName: 'Sofia Wik' };
  const withOptional: Invitee[] = [...invitees, { person: sofia, rsvp: 'tentative', optional: true }];

  it('keeps an optional invitee who did not come out of the absent list', () => {
    const groups = groupAttendance(attendanceFromReport(withOptional, report([rec(anna)])));
    expect(names(groups.absent)).not.toContain('Sofia Wik');
    expect(names(groups.optionalAway)).toEqual(['Sofia Wik']);
  });

  it('lists an optional invitee as absent when the secretary marks them so', () => {
    const att = markByHand(attendanceFromReport(withOptional, report([rec(anna)])), personKey(sofia), 'absent');
    expect(names(groupAttendance(att).absent)).toContain('Sofia Wik');
  });

  it('lists an optional invitee who came as present', () => {
    expect(names(groupAttendance(attendanceFromReport(withOptional, report([rec(sofia)]))).present)).toEqual(['Sofia Wik']);
  });
});

describe('attendance from the RSVPs', () => {
  const att = attendanceFromRsvps(invitees, 'not-organiser', { secretary: peter, chairKey: personKey(anna) });
  const groups = groupAttendance(att);

  it('says why the RSVPs decide', () => {
    expect(att.source).toEqual({ kind: 'rsvp', reason: 'not-organiser' });
  });

  it('prefills accepted invitees and the organiser as present, declined as absent with notice, others as absent', () => {
    expect(names(groups.present)).toEqual(['Anna Berg', 'Peter Sjö']);
    expect(names(groups.excused)).toEqual(['Mats Dahl']);
    expect(names(groups.absent)).toEqual(['Eva Lundin', 'Nils Ahl']);
    expect(att.entries.every((e) => e.basis === 'rsvp')).toBe(true);
  });

  it('marks the chair and the secretary and lists them first', () => {
    expect(groups.present.map((e) => e.role)).toEqual(['chair', 'secretary']);
  });

  it('says when the replies are hidden because the user is not the organiser', () => {
    expect(attendanceFromRsvps(invitees, 'not-organiser', {}, { repliesHidden: true }).notices).toEqual([{ kind: 'replies-hidden' }]);
  });

  it('has an empty list for a meeting without attendees', () => {
    expect(attendanceFromRsvps([], 'not-ended').entries).toEqual([]);
  });
});

describe('marking everyone present', () => {
  it('marks invited people present by hand, leaving hand marks, optional invitees and guests alone', () => {
    const sofia: Person = { email: 'sofia.wik@region.se', displayName: 'Sofia Wik' };
    const start = markByHand(attendanceFromRsvps([...invitees, { person: sofia, rsvp: 'none', optional: true }], 'not-ended'), personKey(mats), 'excused');
    const all = markAllInvitedPresent(addGuestByHand(start, { displayName: 'Kim Ström' }));
    const groups = groupAttendance(all);
    expect(names(groups.present)).toEqual(['Anna Berg', 'Eva Lundin', 'Nils Ahl', 'Peter Sjö']);
    expect(names(groups.excused)).toEqual(['Mats Dahl']);
    expect(names(groups.optionalAway)).toEqual(['Sofia Wik']);
    expect(names(groups.guests)).toEqual(['Kim Ström']);
  });
});

describe('marks by hand and a later report', () => {
  const before = attendanceFromRsvps(invitees, 'not-ended');

  it('keeps a hand mark when the report disagrees, and says so', () => {
    const marked = markByHand(before, personKey(nils), 'present'); // Nils sat in the room
    const fromReport = attendanceFromReport(invitees, report([rec(anna), rec(peter)]));
    const { attendance, changes } = reconcile(marked, fromReport);
    const nilsNow = attendance.entries.find((e) => e.person.displayName === 'Nils Ahl');
    expect(nilsNow).toMatchObject({ status: 'present', basis: 'manual' });
    expect(changes).toContainEqual({ kind: 'kept-manual', key: personKey(nils), name: 'Nils Ahl', kept: 'present', report: 'absent' });
  });

  it('takes the report where nothing was marked by hand, and lists what changed', () => {
    const fromReport = attendanceFromReport(invitees, report([rec(anna), rec(nils)]));
    const { attendance, changes } = reconcile(before, fromReport);
    expect(attendance.source.kind).toBe('report');
    expect(changes).toContainEqual({ kind: 'status', key: personKey(nils), name: 'Nils Ahl', from: 'absent', to: 'present' });
    expect(changes).toContainEqual({ kind: 'status', key: personKey(peter), name: 'Peter Sjö', from: 'present', to: 'absent' });
    expect(changes.some((c) => c.name === 'Anna Berg')).toBe(false);
  });

  it('keeps a guest added by hand and adds guests the report found', () => {
    const withGuest = addGuestByHand(before, { displayName: 'Kim Ström', organisation: 'Patientföreningen' });
    const lisa = { directoryId: 'id-lisa', email: 'lisa.tran@region.se', displayName: 'Lisa Tran' };
    const { attendance, changes } = reconcile(withGuest, attendanceFromReport(invitees, report([rec(lisa)])));
    expect(names(groupAttendance(attendance).guests)).toEqual(['Kim Ström', 'Lisa Tran']);
    expect(changes).toContainEqual({ kind: 'added', key: personKey(lisa), name: 'Lisa Tran', status: 'present' });
  });

  it('changes nothing when run twice with the same report', () => {
    const fromReport = attendanceFromReport(invitees, report([rec(anna)]));
    const once = reconcile(before, fromReport).attendance;
    expect(reconcile(once, fromReport).changes).toEqual([]);
  });
});

describe('where each status came from, in words that are true', () => {
  const att = attendanceFromReport(invitees, report([rec(anna), rec(peter)]));
  const reasonOf = (p: Person) => statusReason(att.entries.find((e) => e.person.displayName === p.displayName)!);

  it('says "in the report" only for those the report shows', () => {
    expect(reasonOf(anna)).toBe('in-report');
    expect(reasonOf(peter)).toBe('in-report');
  });

  it('says a declined invitee is excused because of the reply to the invitation, not the report', () => {
    expect(att.entries.find((e) => e.person === mats)).toMatchObject({ status: 'excused', basis: 'rsvp' });
    expect(reasonOf(mats)).toBe('declined');
  });

  it('says others are absent because they are not in the report', () => {
    expect(reasonOf(nils)).toBe('not-in-report');
    expect(reasonOf(eva)).toBe('not-in-report');
  });

  it('says what the reply was when the replies decide', () => {
    const rsvp = attendanceFromRsvps(invitees, 'not-ended');
    const reasons = Object.fromEntries(rsvp.entries.map((e) => [e.person.displayName, statusReason(e)]));
    expect(reasons).toEqual({ 'Anna Berg': 'organiser', 'Peter Sjö': 'accepted', 'Eva Lundin': 'tentative', 'Mats Dahl': 'declined', 'Nils Ahl': 'no-reply' });
  });

  it('says a hand mark is a hand mark', () => {
    expect(statusReason(markByHand(att, personKey(nils), 'present').entries.find((e) => e.person === nils)!)).toBe('manual');
  });
});

describe('a record with no time in the meeting', () => {
  const lisa: Person = { directoryId: 'id-lisa', email: 'lisa.tran@region.se', displayName: 'Lisa Tran' };
  const att = attendanceFromReport(invitees, report([rec(anna), rec(peter, { attendedSeconds: 0 }), rec(mats, { attendedSeconds: 0 }), rec(lisa, { attendedSeconds: 0 })]));
  const groups = groupAttendance(att);

  it('does not count an invitee with 0 seconds as present', () => {
    expect(names(groups.present)).toEqual(['Anna Berg']);
    expect(names(groups.absent)).toContain('Peter Sjö');
    expect(statusReason(att.entries.find((e) => e.person === peter)!)).toBe('no-time-in-report');
  });

  it('keeps a declined invitee with 0 seconds excused', () => {
    expect(names(groups.excused)).toEqual(['Mats Dahl']);
  });

  it('does not list an uninvited person with 0 seconds as a guest, and names everyone with 0 seconds in a notice', () => {
    expect(names(groups.guests)).toEqual([]);
    expect(att.notices).toContainEqual({ kind: 'no-time-in-report', names: ['Peter Sjö', 'Mats Dahl', 'Lisa Tran'] });
  });
});

describe('what the device keeps', () => {
  const fresh = () => attendanceFromReport(invitees, report([rec(anna), rec(peter)]));

  it('keeps only the hand marks, not the prefilled list', () => {
    const marked = markByHand(fresh(), personKey(nils), 'present');
    const kept = handMarks(marked);
    expect(kept).toEqual([{ key: personKey(nils), status: 'present' }]);
    expect(JSON.stringify(kept)).not.toContain('peter.sjo@ekby.se');
  });

  it('lays the marks over a fresh prefill, where they win', () => {
    const kept = handMarks(markByHand(markByHand(fresh(), personKey(nils), 'present'), personKey(peter), 'excused'));
    const restored = applyHandMarks(fresh(), kept);
    expect(restored.entries.find((e) => e.person === nils)).toMatchObject({ status: 'present', basis: 'manual' });
    expect(restored.entries.find((e) => e.person === peter)).toMatchObject({ status: 'excused', basis: 'manual' });
    expect(restored.entries.find((e) => e.person === anna)).toMatchObject({ status: 'present', basis: 'report' });
  });

  it('brings back someone added by hand, who is in no invitation or report', () => {
    const olle: Person = { displayName: 'Olle i rummet' };
    const kept = handMarks(addGuestByHand(fresh(), olle));
    expect(kept).toEqual([{ key: personKey(olle), status: 'present', added: olle }]);
    expect(names(groupAttendance(applyHandMarks(fresh(), kept)).guests)).toEqual(['Olle i rummet']);
  });

  it('finds a mark by e-mail when the person has since gained a directory id', () => {
    const byMail = { key: 'mail:eva.lundin@norrvik.se', status: 'excused' as const };
    const later = attendanceFromRsvps([{ person: { ...eva, directoryId: 'id-eva' }, rsvp: 'tentative' }], 'not-ended');
    expect(applyHandMarks(later, [byMail]).entries[0]).toMatchObject({ status: 'excused', basis: 'manual' });
  });
});
