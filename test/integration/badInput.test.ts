// Bad or missing data and failures, each with what the secretary is told. The real Graph client,
// our graph port and the prefill, against the emulator over HTTP with a fixed clock.

import type { RunningEmulator } from '../../emulator/src/server';
import { emulatorTokenProvider } from '../../src/auth/emulatorTokenProvider';
import type { TokenProvider } from '../../src/auth/tokenProvider';
import { groupAttendance } from '../../src/domain/attendance';
import { Problem } from '../../src/domain/problems';
import { requestLog } from '../../bench/roundTrips';
import { emulatorWith, graphAs, useCases } from './harness';

const NOW = new Date('2026-11-23T09:00:00Z');
const secretary = 'ahmed.yilmaz@regionostmark.se';

let emulator: RunningEmulator;
beforeAll(async () => {
  emulator = await emulatorWith('edge-cases', NOW);
});
afterEach(() => emulator.clearFaults());
afterAll(() => emulator.close());

async function openAs(user: string, subject: string, tokens?: TokenProvider) {
  const uc = useCases(graphAs(emulator, user, { tokens }), NOW);
  const meeting = (await useCases(graphAs(emulator, user), NOW).list()).find((m) => m.subject === subject);
  if (!meeting) throw new Error(`no meeting ${subject}`);
  return uc.prefill({ kind: 'event', eventId: meeting.eventId });
}

async function problemOf(promise: Promise<unknown>): Promise<Problem> {
  try {
    await promise;
  } catch (e) {
    return e as Problem;
  }
  throw new Error('expected a failure');
}

describe('bad or missing data', () => {
  it('opens a meeting without attendees with only the organiser listed', async () => {
    const result = await openAs(secretary, 'Avstämning utan deltagare');
    expect(result.meeting.invitees.map((i) => i.person.displayName)).toEqual(['Ahmed Yilmaz']);
    expect(result.attendance.entries).toHaveLength(1);
    expect(result.warnings).toEqual([]);
  });

  it('names the invitees the directory does not know, and still lists them with their e-mail domain', async () => {
    const result = await openAs(secretary, 'Dialogmöte med anhörigföreningar');
    expect(result.notInDirectory).toEqual(expect.arrayContaining(['okand.person@example.org', 'kjell.nowak@gmail.com']));
    expect(result.notInDirectory).not.toContain('karin.ekstrom@regionostmark.se');
    const everyone = result.attendance.entries.map((e) => e.person.email?.toLowerCase());
    expect(everyone).toEqual(expect.arrayContaining(['okand.person@example.org', 'kjell.nowak@gmail.com']));
    // Looking people up never failed, not even for an address with a quote in it (OData escaping).
    expect(result.warnings).toEqual([]);
  });

  it('prefills an in-person meeting from the RSVPs and says there is no Teams link', async () => {
    const result = await openAs(secretary, 'Planeringsmöte (utan Teams)');
    expect(result.attendance.source).toEqual({ kind: 'rsvp', reason: 'no-online-meeting' });
    expect(groupAttendance(result.attendance).excused.map((e) => e.person.displayName)).toEqual(['Olof Bergström']);
  });

  it('falls back to the RSVPs, saying so, when Graph refuses the report (403)', async () => {
    emulator.setFaults({ clientError: { count: 5, status: 403 }, paths: 'attendanceReports' });
    const result = await openAs(secretary, 'Dialogmöte med anhörigföreningar');
    expect(result.attendance.source).toEqual({ kind: 'rsvp', reason: 'report-forbidden' });
    expect(result.warnings.map((w) => w.kind)).toEqual(['forbidden']);
  });

  it('falls back to the RSVPs, saying so, when the report is not there (404)', async () => {
    emulator.setFaults({ clientError: { count: 5, status: 404 }, paths: 'attendanceReports' });
    const result = await openAs(secretary, 'Dialogmöte med anhörigföreningar');
    expect(result.attendance.source).toEqual({ kind: 'rsvp', reason: 'no-report' });
  });

  it('finds the meeting from inside Teams by its join link, one round trip sooner', async () => {
    const list = await useCases(graphAs(emulator, secretary), NOW).list();
    const byEvent = list.find((m) => m.subject === 'Dialogmöte med anhörigföreningar')!;
    const [eventLog, meetingLog] = [requestLog(), requestLog()];
    const full = await useCases(graphAs(emulator, secretary, { observer: eventLog }), NOW).prefill({ kind: 'event', eventId: byEvent.eventId });
    const ref = { kind: 'meeting', joinUrl: full.meeting.joinUrl!, start: byEvent.start, end: byEvent.end } as const;
    const inMeeting = await useCases(graphAs(emulator, secretary, { observer: meetingLog }), NOW).prefill(ref);
    expect(inMeeting.meeting.eventId).toBe(byEvent.eventId);
    expect(inMeeting.attendance).toEqual(full.attendance);
    expect(inMeeting.attendance.source.kind).toBe('report');
    // The calendar and the online meeting come together, and the reports with the directory.
    expect(meetingLog.roundTrips()).toBe(eventLog.roundTrips() - 1);
  });
});

describe('failures', () => {
  it('rides out a short burst of 429s, honouring Retry-After', async () => {
    emulator.setFaults({ throttle: { count: 2, retryAfterSeconds: 1 } });
    const result = await openAs(secretary, 'Dialogmöte med anhörigföreningar');
    expect(result.attendance.source.kind).toBe('report');
  });

  it('retries items throttled inside a $batch, which the SDK does not', async () => {
    emulator.setFaults({ throttle: { count: 3, retryAfterSeconds: 1, inBatchItems: true } });
    const result = await openAs(secretary, 'Dialogmöte med anhörigföreningar');
    expect(result.warnings).toEqual([]);
    expect(result.notInDirectory).toContain('okand.person@example.org');
  });

  it('gives up on a 429 storm with a "throttled" problem', async () => {
    const uc = useCases(graphAs(emulator, secretary), NOW);
    emulator.setFaults({ throttle: { every: 1, retryAfterSeconds: 0 } });
    const problem = await problemOf(uc.list());
    expect(problem.kind).toBe('throttled');
    expect(problem.status).toBe(429);
  });

  it('signs in again once after a 401 and carries on when the new token is good', async () => {
    const expired = emulatorTokenProvider(emulator.url, secretary, { expiresInSeconds: -60 });
    const fresh = emulatorTokenProvider(emulator.url, secretary);
    const asked: boolean[] = [];
    const tokens: TokenProvider = {
      getToken: (req = {}) => (asked.push(Boolean(req.forceRefresh)), req.forceRefresh ? fresh.getToken() : expired.getToken()),
    };
    const result = await openAs(secretary, 'Dialogmöte med anhörigföreningar', tokens);
    expect(result.secretary.displayName).toBe('Ahmed Yilmaz');
    expect(asked).toContain(true);
  });

  it('says "signed out" when the token stays expired', async () => {
    const tokens = emulatorTokenProvider(emulator.url, secretary, { expiresInSeconds: -60 });
    const problem = await problemOf(useCases(graphAs(emulator, secretary, { tokens }), NOW).list());
    expect(problem.kind).toBe('signed-out');
    expect(problem.code).toBe('InvalidAuthenticationToken');
  });

  it('says "sign-in failed" when no token can be had, not "offline"', async () => {
    const tokens: TokenProvider = { getToken: async () => Promise.reject(new Problem('sign-in-failed', 'resourceRequiresConsent')) };
    const problem = await problemOf(useCases(graphAs(emulator, secretary, { tokens }), NOW).list());
    expect(problem.kind).toBe('sign-in-failed');
  });

  it('says "offline" when Graph cannot be reached', async () => {
    const down = { url: emulator.url, graphBaseUrl: 'http://127.0.0.1:9/v1.0' };
    const problem = await problemOf(useCases(graphAs(down, secretary, { tokens: { getToken: async () => 'token' } }), NOW).list());
    expect(problem.kind).toBe('offline');
  });

  it('says "offline" when the connection drops without an answer', async () => {
    emulator.setFaults({ drop: { count: 1 } });
    const problem = await problemOf(useCases(graphAs(emulator, secretary), NOW).list());
    expect(problem.kind).toBe('offline');
  });
});
