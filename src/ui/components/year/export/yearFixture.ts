// A group's year for the export tests, computed with the real domain (domain/year.ts): an
// attendance-only meeting in January, formal minutes in March (numbered §, sent for approval), informal
// minutes in September (published, four Planner tasks), an unreadable file in October, and last
// December's minutes outside the period. (Test support: imported by *.test.ts only.)

import type { Minutes, OrganiserCopyEntry, Publication } from '../../../../domain/minutes';
import { organiserCopyOf, organiserEntry, personRef, sampleMinutes } from '../../../../domain/minutesFixtures';
import type { RosterEntry } from '../../../../domain/settings';
import type { SignOffRound } from '../../../../domain/signOff';
import { actionsRegister, attendanceYear, decisionsRegister, groupYear, meetingsOfPeriod, type TaskStatus, type YearMeeting } from '../../../../domain/year';
import type { AppendixInput } from './appendixDocx';

const ref = personRef;
const karin = ref('karin', 'Karin Ek');
const sara = ref('sara', 'Sara Lind');
const olle = ref('olle', 'Olle Berg');
const lena = ref('lena', 'Lena Öst');
const nils = ref('nils', 'Nils Nord');
const ahmed = ref('ahmed', 'Ahmed Yilmaz');

export const roster: RosterEntry[] = [
  { person: karin, organisation: 'Region Östmark', county: 'Östmarks län', kind: 'region', role: 'member' },
  { person: sara, organisation: 'Västby kommun', county: 'Östmarks län', kind: 'municipality', role: 'member' },
  { person: olle, organisation: 'Ekby kommun', county: 'Östmarks län', kind: 'municipality', role: 'substitute' },
  { person: lena, organisation: 'Norrby sjukhus', county: 'Norrlands län', kind: 'hospital', role: 'member' },
  // Never at a meeting: Norrby kommun is never represented.
  { person: nils, organisation: 'Norrby kommun', county: 'Norrlands län', kind: 'municipality', role: 'member' },
];

const entry = organiserEntry;
const copy = (entries: OrganiserCopyEntry[]) => organiserCopyOf(ahmed, 'report', entries);
const round: SignOffRound = { version: 'a'.repeat(64), sentAt: '2026-03-06T12:00:00.000Z', sentBy: ahmed, approvers: [{ ...karin, role: 'chair' }] };

function minutesOn(start: string, eventId: string, over: Partial<Minutes> = {}): Minutes {
  const base = sampleMinutes();
  return sampleMinutes({ meeting: { ...base.meeting, eventId, start, end: start }, ...over });
}
const action = (id: string, what: string, due: string) => ({ id, what, owner: sara, due });

const january: YearMeeting = {
  folder: '2026-01-16 Samordningsgrupp Nära vård',
  kind: 'attendance-only',
  record: {
    date: '2026-01-16',
    subject: 'Samordningsgrupp Nära vård',
    attendance: [
      { person: karin, status: 'present' },
      { person: olle, status: 'present' },
      { person: lena, status: 'excused' },
    ],
  },
};

const marchMinutes: Minutes = (() => {
  const m = minutesOn('2026-03-06T08:00:00.000Z', 'e-mar', { templateId: 'protokoll-sv', firstParagraph: 5, signOff: { rounds: [round] } });
  const [welcome, budget] = m.agenda;
  return {
    ...m,
    attendance: { marks: [], organiserCopy: copy([entry(karin, 'present'), entry(sara, 'present'), entry(olle, 'absent'), entry(lena, 'present'), entry(nils, 'absent')]) },
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

const publication: Publication = {
  version: 'b'.repeat(64),
  publishedAt: '2026-09-05T10:00:00.000Z',
  publishedBy: ahmed,
  document: { id: 'doc', name: 'Minnesanteckningar.docx', webUrl: 'https://example.test/doc' },
  message: { id: 'msg' },
  tasks: [
    ['s1', 't1'],
    ['s2', 't2'],
    ['s3', 't3'],
    ['s4', 't4'],
  ].map(([actionId, taskId]) => ({ actionId: actionId!, taskId: taskId!, title: actionId!, assigneeIds: [] })),
};

const septemberMinutes: Minutes = (() => {
  const m = minutesOn('2026-09-04T07:00:00.000Z', 'e-sep', { signOff: { rounds: [round] } });
  const [welcome, budget] = m.agenda;
  return {
    ...m,
    attendance: { marks: [], organiserCopy: copy([entry(karin, 'present'), entry(sara, 'present'), entry(lena, 'absent'), entry(nils, 'excused')]) },
    agenda: [
      welcome!,
      {
        ...budget!,
        actions: [action('s1', 'Skicka budgeten', '2026-09-18'), action('s2', 'Boka lokal', '2026-09-18'), action('s3', 'Ta fram statistik', '2026-10-01'), action('s4', 'Planera länskonferensen', '2026-11-30')],
      },
    ],
    followUp: [{ id: 'f1', sourceActionId: 'a1', sourceMeeting: 'e-mar', what: 'Skicka underlaget', state: 'done' as const }],
    publication,
  };
})();

export const meetings: YearMeeting[] = [
  { folder: '2026-09-04 Samordningsgrupp Nära vård (bbbbbbb)', kind: 'minutes', minutes: septemberMinutes },
  { folder: '2026-10-02 Samordningsgrupp Nära vård (ccccccc)', kind: 'unreadable', reason: 'newer-version' },
  { folder: '2025-12-12 Samordningsgrupp Nära vård (ddddddd)', kind: 'minutes', minutes: minutesOn('2025-12-12T08:00:00.000Z', 'e-dec') },
  january,
  { folder: '2026-03-06 Samordningsgrupp Nära vård (aaaaaaa)', kind: 'minutes', minutes: marchMinutes },
];

export const statuses = new Map<string, TaskStatus>([
  ['t1', { state: 'done', completedAt: '2026-09-25T10:00:00.000Z', completedBy: 'Sara Lind' }],
  ['t2', { state: 'done', completedAt: '2026-09-18T21:30:00.000Z', completedBy: 'Sara Lind' }],
  ['t3', { state: 'not-started' }],
  ['t4', { state: 'in-progress' }],
]);

/** The year 2026 as the view would hand it to the exports, on 15 October. */
export function yearInput(over: Partial<AppendixInput> = {}): AppendixInput {
  const period = groupYear('2026-10-15');
  return {
    groupName: 'Samordningsgrupp Nära vård',
    period,
    meetings: meetingsOfPeriod(meetings, period),
    decisions: decisionsRegister(meetings, period),
    actions: actionsRegister(meetings, period, statuses, '2026-10-15'),
    attendance: attendanceYear(meetings, period, roster),
    ...over,
  };
}

/** A valid 1×1 PNG. */
export const TINY_PNG = Uint8Array.from(Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==', 'base64'));
