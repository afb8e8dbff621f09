// Minutes for tests: a small meeting with two agenda items, built the way newMinutes builds them.
// (Test support: imported by *.test.ts only.)

import type { AttendanceStatus } from './attendance';
import { agendaItem, MINUTES_SCHEMA_VERSION, type Minutes, type OrganiserCopy, type OrganiserCopyEntry, type PersonRef } from './minutes';

export function sampleMinutes(over: Partial<Minutes> = {}): Minutes {
  const welcome = { ...agendaItem('i1', { time: '08:00', title: 'Inledning' }), decisions: [{ id: 'd1', text: 'Dagordningen godkänns.' }] };
  const budget = {
    ...agendaItem('i2', { time: '08:45', title: 'Ekonomisk uppföljning' }),
    notes: [{ id: 'n1', html: '<p>Ca 2,4 mnkr finns för 2026.</p>' }],
    actions: [{ id: 'a1', what: 'Skicka underlaget', owner: { key: 'id:sara', displayName: 'Sara Lind' }, due: '2026-12-11' }],
  };
  return {
    schemaVersion: MINUTES_SCHEMA_VERSION,
    meeting: { eventId: 'e1', seriesId: 's1', subject: 'Samordningsgrupp Nära vård', start: '2026-12-04T07:00:00.000Z', end: '2026-12-04T08:00:00.000Z', timeZone: 'Europe/Stockholm', place: 'Via Teams' },
    templateId: 'minnesanteckningar-sv',
    language: 'sv',
    header: { chairKey: 'id:karin', secretary: { key: 'id:ahmed', displayName: 'Ahmed Yilmaz' }, adjusters: [] },
    attendance: { marks: [] },
    agenda: [welcome, budget],
    followUp: [],
    nextMeeting: { text: 'Fredag 11/12 kl. 08–09 via Teams' },
    conflicts: [],
    updatedAt: '2026-12-04T08:00:00.000Z',
    ...over,
  };
}

/** A person as minutes name them, keyed by a directory id ("id:<id>"). */
export const personRef = (id: string, displayName: string, organisation?: string): PersonRef => ({ key: `id:${id}`, displayName, ...(organisation && { organisation }) });

/** One person of an organiser's copy, with the reason the status rests on (the report's, else the reply's). */
export const organiserEntry = (p: PersonRef, status: AttendanceStatus, organisation?: string): OrganiserCopyEntry => ({
  key: p.key,
  displayName: p.displayName,
  ...(organisation && { organisation }),
  invited: true,
  status,
  reason: status === 'present' ? 'in-report' : status === 'excused' ? 'declined' : 'not-in-report',
});

/** The organiser's copy of a meeting's attendance, as fetched by someone at the start of 2026. */
export const organiserCopyOf = (fetchedBy: PersonRef, source: OrganiserCopy['source'], entries: OrganiserCopyEntry[]): OrganiserCopy => ({ fetchedBy, fetchedAt: '2026-01-01T00:00:00.000Z', source, entries });
