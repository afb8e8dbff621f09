// A year of a small group for the attendance tests, computed by the real attendanceYear over hand-made
// minutes: a record added afterwards, minutes on the Teams report, on the replies and on marks only, a
// file that cannot be read, a guest, a person who moved from Ekby to Västby kommun, and Bergsjö
// kommun never there. (Test support: imported by *.test.ts(x) only.)

import type { Minutes, OrganiserCopy, OrganiserCopyEntry } from '../../../../domain/minutes';
import { organiserCopyOf, organiserEntry, personRef, sampleMinutes } from '../../../../domain/minutesFixtures';
import type { RosterEntry } from '../../../../domain/settings';
import { attendanceYear, groupYear, type YearAttendance, type YearMeeting } from '../../../../domain/year';

const ref = personRef;
export const karin = ref('karin', 'Karin Ek');
export const sara = ref('sara', 'Sara Lind');
export const olle = ref('olle', 'Olle Berg');
export const lena = ref('lena', 'Lena Öst');
export const per = ref('per', 'Per Nord');
const ahmed = ref('ahmed', 'Ahmed Yilmaz');

// Sara moved from Ekby kommun to Västby kommun in the summer: the roster says where she is now.
export const roster: RosterEntry[] = [
  { person: karin, organisation: 'Region Östmark', county: 'Östmarks län', kind: 'region', role: 'member' },
  { person: sara, organisation: 'Västby kommun', county: 'Östmarks län', kind: 'municipality', role: 'member' },
  { person: olle, organisation: 'Ekby kommun', county: 'Östmarks län', kind: 'municipality', role: 'substitute' },
  { person: lena, organisation: 'Bergsjö kommun', county: 'Norrlands län', kind: 'municipality', role: 'coopted' },
  { person: per, organisation: 'Nordby sjukhus', county: 'Norrlands län', kind: 'hospital', role: 'member' },
];

const entry = organiserEntry;
const copy = (source: OrganiserCopy['source'], entries: OrganiserCopyEntry[]) => organiserCopyOf(ahmed, source, entries);

function minutesOn(start: string, eventId: string, attendance: Minutes['attendance']): Minutes {
  const base = sampleMinutes();
  return sampleMinutes({ meeting: { ...base.meeting, eventId, start, end: start }, attendance });
}

export const meetings: YearMeeting[] = [
  {
    folder: '2026-01-16 Samordningsgrupp',
    kind: 'attendance-only',
    record: {
      date: '2026-01-16',
      subject: 'Samordningsgrupp Nära vård',
      attendance: [
        { person: karin, status: 'present' },
        { person: { ...sara, organisation: 'Ekby kommun' }, status: 'present' },
        { person: lena, status: 'excused' },
      ],
    },
  },
  {
    folder: '2026-03-06 Samordningsgrupp (aaaaaaa)',
    kind: 'minutes',
    minutes: minutesOn('2026-03-06T08:00:00.000Z', 'e-mar', {
      // Olle was not in the report but the secretary saw him there.
      marks: [{ key: olle.key, status: 'present' }],
      organiserCopy: copy('report', [entry(karin, 'present'), entry(sara, 'present', 'Ekby kommun'), entry(olle, 'absent', 'Ekby kommun'), entry(per, 'present')]),
    }),
  },
  {
    folder: '2026-05-08 Samordningsgrupp (bbbbbbb)',
    kind: 'minutes',
    minutes: minutesOn('2026-05-08T07:00:00.000Z', 'e-may', { marks: [{ key: karin.key, status: 'present' }] }),
  },
  {
    folder: '2026-09-04 Samordningsgrupp (ccccccc)',
    kind: 'minutes',
    minutes: minutesOn('2026-09-04T07:00:00.000Z', 'e-sep', {
      marks: [{ key: 'mail:gustav@lansstyrelsen.se', status: 'present', added: { displayName: 'Gustav Gäst', email: 'gustav@lansstyrelsen.se', organisation: 'Länsstyrelsen' } }],
      organiserCopy: copy('replies', [entry(karin, 'present'), entry(sara, 'present', 'Västby kommun'), entry(lena, 'absent'), entry(per, 'excused')]),
    }),
  },
  { folder: '2026-10-02 Samordningsgrupp (ddddddd)', kind: 'unreadable', reason: 'minutes-newer-schema' },
];

export const period = groupYear('2026-06-01');

export const attendance: YearAttendance = attendanceYear(meetings, period, roster);
