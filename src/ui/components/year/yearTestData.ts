// A group's year for the view's tests, built from real minutes (domain/minutesFixtures.ts) the way
// the app reads them: an attendance-only meeting, minutes sent, approved, published (with Planner
// tasks done on time, late, in progress and not started) and a draft, and a file that cannot be read.
// (Test support: imported by *.test.tsx only.)

import type { YearData, YearService } from '../../../app/yearService';
import type { Minutes, PersonRef, Publication } from '../../../domain/minutes';
import { personRef, sampleMinutes } from '../../../domain/minutesFixtures';
import type { RosterEntry } from '../../../domain/settings';
import type { SignOffRound } from '../../../domain/signOff';
import type { Period, TaskStatus, YearMeeting } from '../../../domain/year';

const ref = personRef;
export const karin = ref('karin', 'Karin Ek');
export const sara = ref('sara', 'Sara Lind');
export const olle = ref('olle', 'Olle Berg');
export const lena = ref('lena', 'Lena Öst');
const ahmed = ref('ahmed', 'Ahmed Yilmaz');

export const roster: RosterEntry[] = [
  { person: karin, organisation: 'Region Norrland', county: 'Norrlands län', kind: 'region', role: 'member' },
  { person: sara, organisation: 'Västby kommun', county: 'Norrlands län', kind: 'municipality', role: 'member' },
  { person: olle, organisation: 'Västby kommun', county: 'Norrlands län', kind: 'municipality', role: 'substitute' },
  { person: lena, organisation: 'Östby sjukhus', county: 'Östlands län', kind: 'hospital', role: 'member' },
];

const round: SignOffRound = { version: 'a'.repeat(64), sentAt: '2026-03-06T12:00:00.000Z', sentBy: ahmed, approvers: [{ ...karin, role: 'chair' }] };

function minutesOn(start: string, eventId: string, over: Partial<Minutes> = {}): Minutes {
  const base = sampleMinutes();
  return sampleMinutes({ meeting: { ...base.meeting, eventId, start, end: start }, ...over });
}

/** The sample's agenda with the budget item's own decisions and actions. */
function withBudget(m: Minutes, decisions: string[], actions: { id: string; what: string; due: string; owner?: PersonRef }[]): Minutes {
  const [welcome, budget] = m.agenda;
  return {
    ...m,
    agenda: [welcome!, { ...budget!, decisions: decisions.map((text, i) => ({ id: `${m.meeting.eventId}-d${i}`, text })), actions: actions.map((a) => ({ owner: sara, ...a })) }],
  };
}

const publication: Publication = {
  version: 'b'.repeat(64),
  publishedAt: '2026-09-05T10:00:00.000Z',
  publishedBy: ahmed,
  document: { id: 'doc', name: 'Minnesanteckningar.docx', webUrl: 'https://example.test/september.docx' },
  message: { id: 'msg' },
  tasks: [
    ['s1', 't1'],
    ['s2', 't2'],
    ['s3', 't3'],
    ['s4', 't4'],
  ].map(([actionId, taskId]) => ({ actionId: actionId!, taskId: taskId!, title: actionId!, assigneeIds: [] })),
};

export const folders = {
  january: '2026-01-16 Samordningsgrupp Nära vård (jjjjjjj)',
  march: '2026-03-06 Samordningsgrupp Nära vård (mmmmmmm)',
  april: '2026-04-03 Samordningsgrupp Nära vård (aaaaaaa)',
  september: '2026-09-04 Samordningsgrupp Nära vård (sssssss)',
  october: '2026-10-02 Samordningsgrupp Nära vård (ooooooo)',
  november: '2026-11-06 Samordningsgrupp Nära vård (nnnnnnn)',
};

export const meetings: YearMeeting[] = [
  {
    folder: folders.january,
    kind: 'attendance-only',
    record: {
      date: '2026-01-16',
      subject: 'Samordningsgrupp Nära vård',
      attendance: [
        { person: karin, status: 'present' },
        { person: sara, status: 'present' },
        { person: lena, status: 'excused' },
      ],
    },
  },
  {
    folder: folders.march,
    kind: 'minutes',
    // Formal minutes (§ 5 onwards), sent for approval and not yet approved by everyone.
    minutes: withBudget(minutesOn('2026-03-06T08:00:00.000Z', 'e-mar', { templateId: 'protokoll-sv', firstParagraph: 5, signOff: { rounds: [round] } }), ['Budgeten för 2027 fastställs.'], [
      { id: 'm1', what: 'Boka lokal för länskonferensen', due: '2026-04-01' },
    ]),
  },
  { folder: folders.april, kind: 'minutes', minutes: minutesOn('2026-04-03T07:00:00.000Z', 'e-apr', { signOff: { rounds: [round] } }), approved: true },
  {
    folder: folders.september,
    kind: 'minutes',
    minutes: {
      ...withBudget(minutesOn('2026-09-04T07:00:00.000Z', 'e-sep', { signOff: { rounds: [round] } }), ['Östersunds kommun bjuds in som adjungerad.'], [
        { id: 's1', what: 'Skicka budgeten', due: '2026-09-18' },
        { id: 's2', what: 'Ta fram statistik', due: '2026-10-01' },
        { id: 's3', what: 'Planera länskonferensen', due: '2026-11-30' },
        { id: 's4', what: 'Uppdatera webbsidan', due: '2027-01-15' },
      ]),
      publication,
    },
  },
  { folder: folders.october, kind: 'unreadable', reason: 'newer-version' },
  { folder: folders.november, kind: 'minutes', minutes: withBudget(minutesOn('2026-11-06T08:00:00.000Z', 'e-nov'), [], []) },
];

export const statuses = new Map<string, TaskStatus>([
  ['t1', { state: 'done', completedAt: '2026-09-15T10:00:00.000Z', completedBy: 'Olof Berg' }],
  ['t2', { state: 'done', completedAt: '2026-10-05T10:00:00.000Z' }],
  ['t3', { state: 'in-progress' }],
  ['t4', { state: 'not-started' }],
]);

export function yearData(period: Period, over: Partial<YearData> = {}): YearData {
  return {
    groupName: 'Samordningsgrupp Nära vård',
    period,
    meetings,
    statuses,
    roster,
    templates: [],
    folderUrls: new Map(Object.values(folders).map((f) => [f, `https://example.test/folders/${encodeURIComponent(f)}`])),
    timeZone: 'Europe/Stockholm',
    readAt: '2026-12-02T09:00:00.000Z',
    ...over,
  };
}

/** A read the test settles when it chooses, reporting progress on the way. */
export interface PendingRead {
  period: Period;
  progress(done: number, of: number): void;
  resolve(data: YearData): void;
  reject(e: unknown): void;
}

/** A YearService whose reads wait for the test; records what was added and searched. */
export function controlledService(over: Partial<YearService> = {}) {
  const reads: PendingRead[] = [];
  const added: Parameters<YearService['addAttendanceOnly']>[0][] = [];
  const service: YearService = {
    group: { teamId: 'team', channelId: 'channel' },
    read: (period, onProgress) =>
      new Promise<YearData>((resolve, reject) => {
        reads.push({ period, progress: (done, of) => onProgress({ done, of }), resolve, reject });
      }),
    addAttendanceOnly: async (input) => {
      added.push(input);
    },
    searchPeople: async () => [],
    ...over,
  };
  return { service, reads, added };
}
