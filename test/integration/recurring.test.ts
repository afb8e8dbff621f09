// Recurring meetings: one online meeting, a report per session. Each occurrence gets its own report,
// a missing one is said, a rejoin after the end is noticed, and Graph's cap of 50 listed reports
// is explained rather than silently giving the wrong list.

import type { RunningEmulator } from '../../emulator/src/server';
import { emulatorWith, graphAs, useCases } from './harness';

const NOW = new Date('2026-11-23T09:00:00Z');
const organiser = 'ahmed.yilmaz@regionostmark.se';
const organiserId = '833c93fb-31e7-44fc-b510-de063426e461';

interface Occurrence {
  start: string;
  ended: boolean;
  cancelled: boolean;
  ids: Record<string, string>;
}

let emulator: RunningEmulator;
let occurrencesOf: (subject: string) => Occurrence[];
beforeAll(async () => {
  emulator = await emulatorWith('recurring-reports', NOW);
  const { resolved } = (await (await fetch(`${emulator.url}/_emulator/scenario`)).json()) as {
    resolved: { events: { subject: string; occurrences: Occurrence[] }[] };
  };
  occurrencesOf = (subject) => resolved.events.find((e) => e.subject === subject)!.occurrences.filter((o) => o.ended && !o.cancelled);
});
afterAll(() => emulator.close());

/** The nth latest ended occurrence (1 = the latest), opened by the organiser. */
async function open(subject: string, nth: number) {
  const ended = occurrencesOf(subject);
  const occurrence = ended[ended.length - nth]!;
  return useCases(graphAs(emulator, organiser), NOW).prefill({ kind: 'event', eventId: occurrence.ids[organiserId]! });
}

it("takes each occurrence's own report", async () => {
  const [latest, fourth] = [await open('Styrgrupp Hjärta och kärl', 1), await open('Styrgrupp Hjärta och kärl', 4)];
  expect(latest.attendance.source.kind).toBe('report');
  expect(fourth.attendance.source.kind).toBe('report');
  const reportId = (r: typeof latest) => (r.attendance.source.kind === 'report' ? r.attendance.source.reportId : undefined);
  expect(reportId(latest)).not.toBe(reportId(fourth));
  const present = (r: typeof latest) => r.attendance.entries.filter((e) => e.status === 'present').length;
  expect(present(latest)).toBeGreaterThan(0);
  expect(present(fourth)).toBeGreaterThan(0);
});

it('says so when an occurrence has no report', async () => {
  const result = await open('Styrgrupp Hjärta och kärl', 3);
  expect(result.attendance.source).toEqual({ kind: 'rsvp', reason: 'no-report' });
});

it('notices two reports for one occurrence (a rejoin after the end) and takes the one at the scheduled time', async () => {
  const result = await open('Styrgrupp Hjärta och kärl', 2);
  expect(result.attendance.notices).toContainEqual({ kind: 'several-reports', count: 2 });
  expect(result.attendance.entries.filter((e) => e.status === 'present').length).toBeGreaterThan(1);
});

it('explains an occurrence older than the 50 reports Graph lists instead of showing a wrong list', async () => {
  const result = await open('Ledningsgrupp primärvård', 53);
  expect(result.attendance.source).toEqual({ kind: 'rsvp', reason: 'no-report' });
  const recent = await open('Ledningsgrupp primärvård', 1);
  expect(recent.attendance.source.kind).toBe('report');
});
