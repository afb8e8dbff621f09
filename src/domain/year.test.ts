import type { Minutes, OrganiserCopyEntry, PersonRef, Publication } from './minutes';
import { organiserCopyOf, organiserEntry, personRef, sampleMinutes } from './minutesFixtures';
import type { RosterEntry } from './settings';
import type { SignOffRound } from './signOff';
import {
  actionsRegister,
  attendanceRecordFile,
  attendanceYear,
  decisionsRegister,
  filterRegister,
  folderMeeting,
  groupYear,
  meetingState,
  meetingsOfPeriod,
  restoreAttendanceRecord,
  type AttendanceOnlyMeeting,
  type TaskStatus,
  type YearMeeting,
} from './year';

const ref = personRef;
const karin = ref('karin', 'Karin Ek');
const sara = ref('sara', 'Sara Lind');
const olle = ref('olle', 'Olle Berg');
const lena = ref('lena', 'Lena Öst');
const ahmed = ref('ahmed', 'Ahmed Yilmaz');

// Sara moved from Ekby kommun to Västby kommun during the year: the roster says where she is now.
const roster: RosterEntry[] = [
  { person: karin, organisation: 'Region Norrland', county: 'Norrlands län', kind: 'region', role: 'member' },
  { person: sara, organisation: 'Västby kommun', county: 'Norrlands län', kind: 'municipality', role: 'member' },
  { person: olle, organisation: 'Ekby kommun', county: 'Norrlands län', kind: 'municipality', role: 'substitute' },
  { person: lena, organisation: 'Östby sjukhus', county: 'Östlands län', kind: 'hospital', role: 'member' },
];

const entry = organiserEntry;
const copy = (entries: OrganiserCopyEntry[]) => organiserCopyOf(ahmed, 'replies', entries);
const round: SignOffRound = { version: 'a'.repeat(64), sentAt: '2026-03-06T12:00:00.000Z', sentBy: ahmed, approvers: [{ ...karin, role: 'chair' }] };

function minutesOn(start: string, eventId: string, over: Partial<Minutes> = {}): Minutes {
  const base = sampleMinutes();
  return sampleMinutes({ meeting: { ...base.meeting, eventId, start, end: start }, ...over });
}

const action = (id: string, what: string, due: string) => ({ id, what, owner: sara, due });

// January: before the group used Justera, only who was there.
const januaryRecord: AttendanceOnlyMeeting = {
  date: '2026-01-16',
  subject: 'Samordningsgrupp Nära vård',
  attendance: [
    { person: karin, status: 'present' },
    // Typed by hand: the roster's 'Ekby kommun' all the same.
    { person: { ...sara, organisation: ' ekby  Kommun' }, status: 'present' },
    { person: lena, status: 'excused' },
  ],
};
const january: YearMeeting = { folder: '2026-01-16 Samordningsgrupp Nära vård', kind: 'attendance-only', record: januaryRecord };

// March: formal minutes (§5 onwards), sent for approval, never published; Olle marked present by hand.
const marchMinutes = (() => {
  const m = minutesOn('2026-03-06T08:00:00.000Z', 'e-mar', { templateId: 'protokoll-sv', firstParagraph: 5, signOff: { rounds: [round] } });
  const [welcome, budget] = m.agenda;
  return {
    ...m,
    attendance: {
      marks: [{ key: 'id:olle', status: 'present' as const }],
      organiserCopy: copy([entry(karin, 'present'), entry(sara, 'present', 'Ekby kommun'), entry(olle, 'absent', 'Ekby kommun'), entry(lena, 'absent')]),
    },
    agenda: [
      welcome!,
      {
        ...budget!,
        decisions: [{ id: 'd2', text: 'Underlaget från Östersund skickas till regionen.' }],
        actions: [action('a1', 'Skicka underlaget', '2026-03-20'), action('a2', 'Sammanställ remissvaren', '2026-04-01')],
      },
    ],
  };
})();
const march: YearMeeting = { folder: '2026-03-06 Samordningsgrupp Nära vård (aaaaaaa)', kind: 'minutes', minutes: marchMinutes };

// September: informal minutes, published with four tasks; follows up March's first action as done.
const publication = (tasks: [string, string][]): Publication => ({
  version: 'b'.repeat(64),
  publishedAt: '2026-09-05T10:00:00.000Z',
  publishedBy: ahmed,
  document: { id: 'doc', name: 'Minnesanteckningar.docx', webUrl: 'https://example.test/doc' },
  message: { id: 'msg' },
  tasks: tasks.map(([actionId, taskId]) => ({ actionId, taskId, title: actionId, assigneeIds: [] })),
});
const septemberMinutes = (() => {
  const m = minutesOn('2026-09-04T07:00:00.000Z', 'e-sep', { signOff: { rounds: [round] } });
  const [welcome, budget] = m.agenda;
  return {
    ...m,
    attendance: {
      marks: [
        { key: 'id:olle', status: 'excused' as const },
        { key: 'mail:gustav@lansstyrelsen.se', status: 'present' as const, added: { displayName: 'Gustav Gäst', email: 'gustav@lansstyrelsen.se', organisation: 'Länsstyrelsen' } },
      ],
      organiserCopy: copy([entry(karin, 'present'), entry(sara, 'present', 'Västby kommun'), entry(lena, 'absent')]),
    },
    agenda: [
      welcome!,
      {
        ...budget!,
        actions: [
          action('s1', 'Skicka budgeten', '2026-09-18'),
          action('s2', 'Boka lokal', '2026-09-18'),
          action('s3', 'Ta fram statistik', '2026-10-01'),
          action('s4', 'Planera länskonferensen', '2026-11-30'),
        ],
      },
    ],
    followUp: [{ id: 'f1', sourceActionId: 'a1', sourceMeeting: 'e-mar', what: 'Skicka underlaget', state: 'done' as const }],
    publication: publication([
      ['s1', 't1'],
      ['s2', 't2'],
      ['s3', 't3'],
      ['s4', 't4'],
    ]),
  };
})();
const september: YearMeeting = { folder: '2026-09-04 Samordningsgrupp Nära vård (bbbbbbb)', kind: 'minutes', minutes: septemberMinutes };

const october: YearMeeting = { folder: '2026-10-02 Samordningsgrupp Nära vård (ccccccc)', kind: 'unreadable', reason: 'newer-version' };
const lastYear: YearMeeting = { folder: '2025-12-12 Samordningsgrupp Nära vård (ddddddd)', kind: 'minutes', minutes: minutesOn('2025-12-12T08:00:00.000Z', 'e-dec') };

// Read in any order, as the folder lists them.
const meetings = [september, october, lastYear, january, march];
const year = groupYear('2026-10-15');

const statuses = new Map<string, TaskStatus>([
  ['t1', { state: 'done', completedAt: '2026-09-25T10:00:00.000Z', completedBy: 'Sara Lind' }],
  // 23:30 in Stockholm on the due date: in time, although it is the 18th in UTC as well.
  ['t2', { state: 'done', completedAt: '2026-09-18T21:30:00.000Z', completedBy: 'Sara Lind' }],
  ['t3', { state: 'not-started' }],
  ['t4', { state: 'in-progress' }],
]);

describe('the meetings of the group’s year', () => {
  it('are the calendar year’s, oldest first, each with its state; last year’s are left out', () => {
    expect(year).toEqual({ from: '2026-01-01', to: '2026-12-31' });
    expect(meetingsOfPeriod(meetings, year).map((m) => [m.date, m.state, m.reason])).toEqual([
      ['2026-01-16', 'attendance-only', undefined],
      ['2026-03-06', 'sent', undefined],
      ['2026-09-04', 'published', undefined],
      ['2026-10-02', 'unreadable', 'newer-version'],
    ]);
  });

  it('a range of dates keeps only the meetings inside it, ends included', () => {
    expect(meetingsOfPeriod(meetings, { from: '2026-03-06', to: '2026-09-04' }).map((m) => m.folder)).toEqual([march.folder, september.folder]);
  });

  it('minutes with a time zone nobody knows are still placed, on their day in UTC', () => {
    const odd = minutesOn('2026-05-08T23:30:00.000Z', 'e-odd', { meeting: { ...sampleMinutes().meeting, start: '2026-05-08T23:30:00.000Z', timeZone: 'Mars/Olympus' } });
    expect(meetingsOfPeriod([{ folder: 'f', kind: 'minutes', minutes: odd }], year).map((m) => m.date)).toEqual(['2026-05-08']);
  });

  it('a file that cannot be read takes its date and subject from its folder’s name', () => {
    expect(folderMeeting(october.folder)).toEqual({ date: '2026-10-02', subject: 'Samordningsgrupp Nära vård' });
    expect(folderMeeting('Gamla filer')).toEqual({ subject: 'Gamla filer' });
  });

  it('the state: a draft, sent, approved only when the caller knows every approver approved, published', () => {
    const draft = sampleMinutes();
    const sent = { ...draft, signOff: { rounds: [round] } };
    expect(meetingState(draft)).toBe('draft');
    expect(meetingState(draft, true)).toBe('draft');
    expect(meetingState(sent)).toBe('sent');
    expect(meetingState(sent, true)).toBe('approved');
    expect(meetingState(septemberMinutes)).toBe('published');
  });
});

describe('the decisions register', () => {
  const rows = decisionsRegister(meetings, year);

  it('lists every decision by date, with its § where the template numbers paragraphs and its meeting’s folder', () => {
    expect(rows.map((r) => [r.date, r.paragraph, r.itemTitle, r.text, r.folder])).toEqual([
      ['2026-03-06', 5, 'Inledning', 'Dagordningen godkänns.', march.folder],
      ['2026-03-06', 6, 'Ekonomisk uppföljning', 'Underlaget från Östersund skickas till regionen.', march.folder],
      ['2026-09-04', undefined, 'Inledning', 'Dagordningen godkänns.', september.folder],
    ]);
  });

  it('is searched regardless of case and accents, every word, and by §', () => {
    expect(filterRegister(rows, 'ostersund').map((r) => r.decisionId)).toEqual(['d2']);
    expect(filterRegister(rows, 'DAGORDNINGEN').map((r) => r.date)).toEqual(['2026-03-06', '2026-09-04']);
    expect(filterRegister(rows, 'dagordningen 2026-09').map((r) => r.date)).toEqual(['2026-09-04']);
    expect(filterRegister(rows, '§6').map((r) => r.decisionId)).toEqual(['d2']);
    expect(filterRegister(rows, '  ')).toHaveLength(3);
    expect(filterRegister(rows, 'budget')).toEqual([]);
  });
});

describe('the actions register', () => {
  const rows = actionsRegister(meetings, year, statuses, '2026-10-15');
  const byWhat = new Map(rows.map((r) => [r.what, r]));

  it('lists every action with its owner, due date and Planner status, overdue ones marked, completed late or in time', () => {
    expect(rows.map((r) => [r.what, r.owner?.displayName, r.due, r.status, r.overdue, r.completed])).toEqual([
      ['Skicka underlaget', 'Sara Lind', '2026-03-20', 'never-published', false, undefined],
      ['Sammanställ remissvaren', 'Sara Lind', '2026-04-01', 'never-published', true, undefined],
      ['Skicka budgeten', 'Sara Lind', '2026-09-18', 'done', false, 'late'],
      ['Boka lokal', 'Sara Lind', '2026-09-18', 'done', false, 'on-time'],
      ['Ta fram statistik', 'Sara Lind', '2026-10-01', 'not-started', true, undefined],
      ['Planera länskonferensen', 'Sara Lind', '2026-11-30', 'in-progress', false, undefined],
    ]);
  });

  it('an action never published is open until a later meeting follows it up as done, also after the period', () => {
    expect(byWhat.get('Skicka underlaget')?.followedUp).toBe('done');
    expect(byWhat.get('Sammanställ remissvaren')?.followedUp).toBeUndefined();
    const spring = actionsRegister(meetings, { from: '2026-01-01', to: '2026-06-30' }, statuses, '2026-10-15');
    expect(spring.map((r) => [r.what, r.followedUp, r.overdue])).toEqual([
      ['Skicka underlaget', 'done', false],
      ['Sammanställ remissvaren', undefined, true],
    ]);
  });

  it('links a published action to the published document, and unpublished ones to their folder only', () => {
    expect(byWhat.get('Boka lokal')).toMatchObject({ folder: september.folder, documentUrl: 'https://example.test/doc', taskId: 't2' });
    expect(byWhat.get('Skicka underlaget')).toMatchObject({ folder: march.folder });
    expect(byWhat.get('Skicka underlaget')?.documentUrl).toBeUndefined();
  });

  it('a published task whose status was not read is unknown, never overdue', () => {
    const some = actionsRegister([september], year, new Map([['t1', statuses.get('t1')!]]), '2026-12-31');
    expect(some.map((r) => [r.taskId, r.status, r.overdue])).toEqual([
      ['t1', 'done', false],
      ['t2', 'unknown', false],
      ['t3', 'unknown', false],
      ['t4', 'unknown', false],
    ]);
    expect(some[0]).toMatchObject({ completedBy: 'Sara Lind', completedAt: '2026-09-25T10:00:00.000Z' });
  });

  it('is searched by the owner’s name and the action’s words together', () => {
    expect(filterRegister(rows, 'sara statistik').map((r) => r.actionId)).toEqual(['s3']);
  });
});

describe('attendance over the year', () => {
  const att = attendanceYear(meetings, year, roster);
  const org = (name: string) => att.organisations.find((o) => o.organisation === name);

  it('counts each meeting’s present, absent and excused; an unreadable file is listed, not counted', () => {
    expect(att.meetings.map((m) => [m.date, m.source, m.present, m.absent, m.excused])).toEqual([
      ['2026-01-16', 'attendance-only', 2, 0, 1],
      ['2026-03-06', 'minutes', 3, 1, 0],
      ['2026-09-04', 'minutes', 3, 1, 1],
      ['2026-10-02', 'unreadable', 0, 0, 0],
    ]);
    expect(att.counted).toBe(3);
    expect(att.meetings.map((m) => m.basis)).toEqual(['record', 'replies', 'replies', undefined]);
    const marksOnly = attendanceYear([{ folder: 'f', kind: 'minutes', minutes: minutesOn('2026-05-08T07:00:00.000Z', 'e-may') }], year, roster);
    expect(marksOnly.meetings.map((m) => [m.basis, m.present])).toEqual([['marks-only', 0]]);
    expect(att.meetings[3]).toMatchObject({ reason: 'newer-version', people: [] });
  });

  it('the secretary’s mark wins over the organiser’s list, and a mark names a roster person the list lacks', () => {
    const status = (i: number, p: PersonRef) => att.meetings[i]!.people.find((x) => x.person.key === p.key)?.status;
    expect(status(1, olle)).toBe('present');
    expect(status(2, olle)).toBe('excused');
  });

  it('per person: their counts and every organisation they came from', () => {
    expect(att.people.map((p) => [p.person.displayName, p.role, p.present, p.absent, p.excused, p.organisations])).toEqual([
      ['Gustav Gäst', 'guest', 1, 0, 0, ['Länsstyrelsen']],
      ['Karin Ek', 'member', 3, 0, 0, ['Region Norrland']],
      ['Lena Öst', 'member', 0, 2, 1, ['Östby sjukhus']],
      ['Olle Berg', 'substitute', 1, 0, 1, ['Ekby kommun']],
      ['Sara Lind', 'member', 3, 0, 0, ['Ekby kommun', 'Västby kommun']],
    ]);
  });

  it('a person who changed organisation counts where they were at each meeting', () => {
    expect(org('Ekby kommun')).toMatchObject({ meetings: 2, meetingsByMembers: 2 });
    expect(org('Ekby kommun')!.by.map((r) => [r.person.displayName, r.role, r.meetings])).toEqual([
      ['Sara Lind', 'member', 2],
      ['Olle Berg', 'substitute', 1],
    ]);
    expect(org('Västby kommun')!.by.map((r) => [r.person.displayName, r.meetings])).toEqual([['Sara Lind', 1]]);
    const saraAt = att.meetings.map((m) => m.people.find((p) => p.person.key === sara.key)?.organisation);
    expect(saraAt).toEqual(['Ekby kommun', 'Ekby kommun', 'Västby kommun', undefined]);
  });

  it('per organisation: how many meetings, by members or substitutes, and the ones never represented', () => {
    expect(att.organisations.map((o) => [o.organisation, o.inRoster, o.meetings, o.meetingsByMembers])).toEqual([
      ['Ekby kommun', true, 2, 2],
      ['Länsstyrelsen', false, 1, 0],
      ['Region Norrland', true, 3, 3],
      ['Västby kommun', true, 1, 1],
      ['Östby sjukhus', true, 0, 0],
    ]);
    expect(att.neverRepresented).toEqual(['Östby sjukhus']);
  });

  it('per county: meetings at which any of its organisations was there, and the ones never there', () => {
    expect(att.counties).toEqual([
      { county: 'Norrlands län', meetings: 3, organisations: ['Ekby kommun', 'Region Norrland', 'Västby kommun'], neverRepresented: [] },
      { county: 'Östlands län', meetings: 0, organisations: ['Östby sjukhus'], neverRepresented: ['Östby sjukhus'] },
    ]);
  });
});

describe('a year with no meetings', () => {
  const empty = groupYear('2027-02-01');

  it('has empty registers, nothing counted, and every roster organisation never represented', () => {
    expect(meetingsOfPeriod(meetings, empty)).toEqual([]);
    expect(decisionsRegister(meetings, empty)).toEqual([]);
    expect(actionsRegister(meetings, empty, statuses, '2027-02-01')).toEqual([]);
    const att = attendanceYear([], empty, roster);
    expect(att.counted).toBe(0);
    expect(att.people).toEqual([]);
    expect(att.neverRepresented).toEqual(['Ekby kommun', 'Region Norrland', 'Västby kommun', 'Östby sjukhus']);
  });
});

describe('an attendance-only record read from its file', () => {
  it('reads back what was written', () => {
    const file = JSON.parse(JSON.stringify(attendanceRecordFile(januaryRecord))) as unknown;
    expect(restoreAttendanceRecord(file)).toEqual({ ok: true, record: januaryRecord, repairs: [] });
  });

  it('drops a person without a name, an unknown status and a repeated person, saying which', () => {
    const result = restoreAttendanceRecord({
      kind: 'justera-attendance-record',
      schemaVersion: 1,
      date: '2026-01-16',
      subject: 'Möte',
      attendance: [{ person: karin, status: 'present' }, { person: { key: 'id:x' }, status: 'present' }, { person: sara, status: 'kanske' }, { person: karin, status: 'absent' }, 'Olle'],
    });
    expect(result).toEqual({
      ok: true,
      record: { date: '2026-01-16', subject: 'Möte', attendance: [{ person: karin, status: 'present' }] },
      repairs: ['attendance[1] could not be read', 'attendance[2] could not be read', 'attendance[3] repeats id:karin', 'attendance[4] could not be read'],
    });
  });

  it('refuses another kind of file, one without a date, and one from a newer Justera', () => {
    expect(restoreAttendanceRecord(sampleMinutes())).toEqual({ ok: false, reason: 'not-a-record' });
    expect(restoreAttendanceRecord({ kind: 'justera-attendance-record', schemaVersion: 1, date: '16/1', attendance: [] })).toEqual({ ok: false, reason: 'not-a-record' });
    expect(restoreAttendanceRecord({ kind: 'justera-attendance-record', schemaVersion: 2, date: '2026-01-16' })).toEqual({ ok: false, reason: 'newer-version', version: 2 });
  });
});
