// The first slice fails safe: an optional step that fails degrades to a warning, a long wait asked
// by Microsoft 365 is never slept through silently, and the list of meetings widens on request.
// The real Graph client and our graph port against the emulator over HTTP, with a fixed clock.

import type { RunningEmulator } from '../../emulator/src/server';
import { listMyMeetings } from '../../src/app/myMeetings';
import { initialWindow, widen } from '../../src/domain/dateWindow';
import { Problem } from '../../src/domain/problems';
import { emulatorWith, graphAs, useCases } from './harness';

const NOW = new Date('2026-11-23T09:00:00Z');
const secretary = 'ahmed.yilmaz@regionostmark.se';
const OWN_MEETING = 'Dialogmöte med anhörigföreningar'; // organised by the secretary, with a report

let emulator: RunningEmulator;
beforeAll(async () => {
  emulator = await emulatorWith('edge-cases', NOW);
});
afterEach(() => emulator.clearFaults());
afterAll(() => emulator.close());

async function open(subject: string) {
  const uc = useCases(graphAs(emulator, secretary), NOW);
  const meeting = (await uc.list()).find((m) => m.subject === subject);
  if (!meeting) throw new Error(`no meeting ${subject}`);
  return uc.prefill({ kind: 'event', eventId: meeting.eventId });
}

describe('an optional step that fails never fails the meeting', () => {
  it('a dropped connection on the report leaves the replies to decide, with a warning', async () => {
    emulator.setFaults({ drop: { count: 50 }, paths: 'attendanceReports' });
    const result = await open(OWN_MEETING);
    expect(result.attendance.source).toEqual({ kind: 'rsvp', reason: 'report-unavailable' });
    expect(result.warnings.map((w) => w.kind)).toEqual(['offline']);
    expect(result.attendance.entries.length).toBeGreaterThan(1);
  });

  it('a dropped $batch of directory look-ups still opens the meeting, saying what is missing', async () => {
    emulator.setFaults({ drop: { count: 1 }, paths: '^/users' });
    const result = await open(OWN_MEETING);
    expect(result.meeting.subject).toBe(OWN_MEETING);
    expect(result.warnings.map((w) => w.kind)).toContain('offline');
    // Without the directory nobody is claimed to be missing from it.
    expect(result.notInDirectory).toEqual([]);
  });

  it('a 503 on the report degrades the same way', async () => {
    emulator.setFaults({ serverError: { count: 50, status: 503 }, paths: 'attendanceReports' });
    const result = await open(OWN_MEETING);
    expect(result.attendance.source).toEqual({ kind: 'rsvp', reason: 'report-unavailable' });
    expect(result.warnings.map((w) => w.kind)).toEqual(['server']);
  }, 30_000); // the SDK backs off exponentially between its three retries of a 503
});

describe('a long Retry-After is said, not slept through', () => {
  it('fails at once with the wait when Microsoft 365 asks for two minutes', async () => {
    emulator.setFaults({ throttle: { count: 50, retryAfterSeconds: 120 }, paths: '^/me/calendarView' });
    const failure = await useCases(graphAs(emulator, secretary), NOW).list().then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(failure).toBeInstanceOf(Problem);
    expect(failure).toMatchObject({ kind: 'throttled', retryAfterMs: 120_000 });
  });

  it('waits out a short Retry-After silently, and then succeeds', async () => {
    emulator.setFaults({ throttle: { count: 1, retryAfterSeconds: 1 }, paths: '^/me/calendarView' });
    expect((await useCases(graphAs(emulator, secretary), NOW).list()).length).toBeGreaterThan(0);
  });

  it('hands back batch items asked to wait long at once, with the wait, and the rest of the meeting opens', async () => {
    emulator.setFaults({ throttle: { count: 50, retryAfterSeconds: 120, inBatchItems: true }, paths: '^/users' });
    const result = await open(OWN_MEETING);
    expect(result.meeting.subject).toBe(OWN_MEETING);
    expect(result.warnings.some((w) => w.kind === 'throttled' && w.retryAfterMs === 120_000)).toBe(true);
  });
});

describe('"My meetings" reaches further back and forward on request', () => {
  let demo: RunningEmulator;
  beforeAll(async () => {
    demo = await emulatorWith('demo', NOW); // a weekly series that began eight weeks ago
  });
  afterAll(() => demo.close());

  it('lists meetings older than 30 days when widened, and only fetches the added days', async () => {
    const graph = graphAs(demo, secretary);
    const first = initialWindow(NOW);
    const earlier = widen(first, 'earlier');
    expect(earlier.to).toEqual(first.from);
    expect(earlier.from.getTime()).toBe(first.from.getTime() - 30 * 86_400_000);
    const later = widen(first, 'later');
    expect(later.from).toEqual(first.to);
    const [now, before] = await Promise.all([listMyMeetings(graph, first, 'Europe/Stockholm'), listMyMeetings(graph, earlier, 'Europe/Stockholm')]);
    // Every meeting of the added days ends after its start and lies (at least partly) in them.
    expect(before.length).toBeGreaterThan(0);
    for (const m of before) expect(Date.parse(m.start)).toBeLessThan(first.from.getTime());
    expect(now.every((m) => Date.parse(m.end) > first.from.getTime())).toBe(true);
  });
});

describe('facts in the prefill that were wrong', () => {
  it('finds a directory user who has no mail, invited by their user principal name', async () => {
    const result = await open(OWN_MEETING);
    const elin = result.attendance.entries.find((e) => e.person.displayName === 'Elin Sjöberg');
    expect(elin).toMatchObject({ status: 'present', person: { directoryId: '2d9266e1-523b-424a-8615-0b8a364115e2', organisation: 'Anhörigcentrum Östmark' } });
    expect(result.notInDirectory.map((a) => a.toLowerCase())).not.toContain('elin.sjoberg@regionostmark.se');
  });

  it('does not count a record of 0 seconds as present, and names it', async () => {
    const result = await open(OWN_MEETING);
    const lisa = result.attendance.entries.find((e) => e.person.displayName === 'Lisa Holmberg');
    expect(lisa).toMatchObject({ status: 'absent', attendedSeconds: 0 });
    expect(result.attendance.entries.find((e) => e.person.displayName === 'Maria Lund')).toBeUndefined();
    const notice = result.attendance.notices.find((n) => n.kind === 'no-time-in-report');
    expect(notice).toMatchObject({ names: expect.arrayContaining(['Lisa Holmberg', 'Maria Lund']) });
  });

  it('shows a meeting whose calendar zone is "constructor" in the host zone, saying so, in the list and opened', async () => {
    const listed = (await useCases(graphAs(emulator, secretary), NOW).list()).find((m) => m.subject === 'Möte med konstig tidszon');
    expect(listed).toMatchObject({ timeZone: 'Europe/Stockholm', unknownTimeZone: 'constructor' });
    const result = await open('Möte med konstig tidszon');
    expect(result.meeting).toMatchObject({ timeZone: 'Europe/Stockholm', unknownTimeZone: 'constructor' });
  });
});
