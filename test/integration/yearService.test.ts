// The year view's app layer (issue 13) with the real Graph client, port and use cases against the
// emulator over HTTP: the demo group's year read as the domain counts it, with figures worked out apart
// from the scenario file (test/demoYearFigures.ts); whether minutes sent for approval are approved,
// from answer files written the way the approvers' Justera writes them; a meeting added with
// attendance only, once; and the next visit downloading nothing that did not change.

import { longestChain, requestLog, type RequestLog } from '../../bench/roundTrips';
import type { Faults, RunningEmulator } from '../../emulator/src/server';
import { yearService, type YearData, type YearService } from '../../src/app/yearService';
import { emulatorTokenProvider } from '../../src/auth/emulatorTokenProvider';
import { attendanceYear, decisionsRegister, groupYear, meetingsOfPeriod, type Period } from '../../src/domain/year';
import { createDownloadChain, createGraphClient } from '../../src/graph/client';
import * as files from '../../src/graph/files';
import { Graph } from '../../src/graph/graph';
import * as users from '../../src/graph/users';
import { memoryYearCache, type YearCache } from '../../src/store/yearCache';
import { demoYear } from '../demoYear';
import { demoYearFigures } from '../demoYearFigures';
import { approvedMinutes, world } from '../publishFixture';
import { DEMO, emulatorWith, failure, graphAs } from './harness';

const { SECRETARY, TEAM, CHANNEL } = DEMO;
const NOW = new Date('2026-11-23T09:00:00Z');
const GROUP = { teamId: TEAM, channelId: CHANNEL };
const WHOLE: Period = { from: '2025-01-01', to: '2026-12-31' };

let emulator: RunningEmulator;
beforeAll(async () => {
  emulator = await emulatorWith('demo', NOW);
});
afterAll(() => emulator.close());

/** A graph whose every request is logged, the downloads from SharePoint's URLs too. */
function logged(em: Pick<RunningEmulator, 'url' | 'graphBaseUrl'>, user: string): { graph: Graph; log: RequestLog } {
  const log = requestLog();
  const { client, version } = createGraphClient({ endpoint: { baseUrl: em.graphBaseUrl }, tokens: emulatorTokenProvider(em.url, user), observer: log });
  return { graph: new Graph(client, version, createDownloadChain({ observer: log })), log };
}

const isDownload = (r: { url: string }) => !new URL(r.url).pathname.startsWith('/v1.0/');

function service(cache: YearCache = memoryYearCache(), user: string = SECRETARY, graph?: Graph): { year: YearService; log: RequestLog } {
  const made = graph ? { graph, log: requestLog() } : logged(emulator, user);
  return { year: yearService({ graph: made.graph, cache, now: () => NOW, timeZone: 'Europe/Stockholm' }, GROUP), log: made.log };
}

describe("the group's year for the view", () => {
  const expected = demoYear(NOW.getTime());

  it('reads the demo year as the view shows it: every meeting with its kind, the unreadable one with why, the rest counted', async () => {
    const { year } = service();
    const progress: number[] = [];
    const data = await year.read(WHOLE, (p) => progress.push(p.done));

    const folders = [...expected.readable.map((m) => m.folder), ...expected.unreadable].sort();
    expect(data.meetings.map((m) => m.folder)).toEqual(folders);
    expect(data.meetings.filter((m) => m.kind === 'minutes').map((m) => m.folder)).toEqual(expected.readable.map((m) => m.folder));
    expect(data.meetings.filter((m) => m.kind === 'unreadable')).toEqual([{ folder: expected.unreadable[0], kind: 'unreadable', reason: 'minutes-not-json' }]);
    // Nothing in the demo year waits for approval: the published minutes are published, the rest drafts.
    expect(meetingsOfPeriod(data.meetings, WHOLE).map((m) => m.state)).toEqual(
      folders.map((f) => (expected.unreadable.includes(f) ? 'unreadable' : (expected.readable.find((r) => r.folder === f) as { publication?: unknown }).publication ? 'published' : 'draft')),
    );
    expect(attendanceYear(data.meetings, WHOLE, data.roster).counted).toBe(expected.readable.length);

    expect(data.groupName).toBe('Samordningsgrupp Nära vård');
    expect(data.roster.length).toBeGreaterThan(10);
    expect(data.templates.map((t) => t.id)).toContain('protokoll-sv');
    expect(data.timeZone).toBe('Europe/Stockholm');
    expect(data.readAt).toBe(NOW.toISOString());
    expect(data.period).toEqual(WHOLE);
    expect(progress.at(-1)).toBe(folders.length);
    // Each meeting opens at its own folder in the channel's files.
    expect([...data.folderUrls.keys()].sort()).toEqual(folders);
    expect(new Set(data.folderUrls.values()).size).toBe(folders.length);
    for (const url of data.folderUrls.values()) expect(url).toMatch(/^https?:\/\//);
    expect(data.statuses.size).toBeGreaterThan(0);
  });

  it.each([
    ['the group year of today', groupYear('2026-11-23')],
    ['last year', { from: '2025-01-01', to: '2025-12-31' }],
    ['a spring', { from: '2026-03-01', to: '2026-05-31' }],
    ['both years', WHOLE],
  ])("the domain's registers and attendance over %s agree with the figures counted from the scenario file", async (_name, period) => {
    const data = await service().year.read(period, () => {});
    const want = demoYearFigures(NOW.getTime(), period);
    const decisions = decisionsRegister(data.meetings, period, data.templates);
    expect(decisions).toHaveLength(want.decisions);
    const byDate: Record<string, string[]> = {};
    for (const d of decisions) (byDate[d.date] ??= []).push(d.text);
    expect(byDate).toEqual(want.decisionsByDate);
    const actions = data.meetings.flatMap((m) => (m.kind === 'minutes' && period.from <= m.folder.slice(0, 10) && m.folder.slice(0, 10) <= period.to ? m.minutes.agenda.flatMap((i) => i.actions) : []));
    expect(actions).toHaveLength(want.actions);

    const attendance = attendanceYear(data.meetings, period, data.roster);
    expect(attendance.counted).toBe(want.meetings);
    const inRoster = Object.fromEntries(attendance.organisations.filter((o) => o.inRoster).map((o) => [o.organisation, o.meetings]));
    expect(inRoster).toEqual(want.organisations);
    expect([...attendance.neverRepresented].sort()).toEqual(want.neverRepresented);
    expect(Object.fromEntries(attendance.counties.map((c) => [c.county, { meetings: c.meetings, neverRepresented: [...c.neverRepresented].sort() }]))).toEqual(want.counties);
  });

  it('a period with no meetings gives an empty year', async () => {
    const period = { from: '2020-01-01', to: '2020-12-31' };
    const data = await service().year.read(period, () => {});
    expect(data.meetings).toEqual([]);
    expect(data.statuses.size).toBe(0);
    expect(data.folderUrls.size).toBe(0);
    expect(decisionsRegister(data.meetings, period)).toEqual([]);
    expect(attendanceYear(data.meetings, period, data.roster)).toMatchObject({ counted: 0, meetings: [] });
    // The roster is still there: every organisation of it never represented.
    expect(attendanceYear(data.meetings, period, data.roster).neverRepresented).toEqual(demoYearFigures(NOW.getTime(), period).neverRepresented);
  });

  it('on the next visit with the same device copy downloads nothing, and reads the same year', async () => {
    const cache = memoryYearCache();
    const cold = service(cache);
    emulator.resetStats();
    const first = await cold.year.read(WHOLE, () => {});
    const coldStats = { graph: emulator.stats().requests, batchItems: emulator.stats().batchItems, all: cold.log.requests.length, downloads: cold.log.requests.filter(isDownload).length, roundTrips: cold.log.roundTrips(), chain: longestChain(cold.log).length };

    const warm = service(cache);
    emulator.resetStats();
    const second = await warm.year.read(WHOLE, () => {});
    const warmStats = { graph: emulator.stats().requests, batchItems: emulator.stats().batchItems, all: warm.log.requests.length, downloads: warm.log.requests.filter(isDownload).length, roundTrips: warm.log.roundTrips(), chain: longestChain(warm.log).length };

    // Every minutes file, and the settings file.
    expect(coldStats.downloads).toBe(expected.readable.length + expected.unreadable.length + 1);
    expect(warmStats.downloads).toBe(0);
    // The same Graph requests (listings, the settings' item, the tasks), none of SharePoint's downloads.
    expect(warmStats.graph).toBe(coldStats.graph);
    expect(warmStats.all).toBe(coldStats.all - coldStats.downloads);
    // Fewer requests waited for one after another: no download between a listing and what follows it.
    expect(warmStats.chain).toBeLessThan(coldStats.chain);
    expect(second.meetings).toEqual(first.meetings);
    // For the report: what the demo year costs cold and with the device's copy.
    process.stdout.write(`year cold ${JSON.stringify(coldStats)} warm ${JSON.stringify(warmStats)}\n`);
  });

  describe('a meeting added with its date and attendance only', () => {
    const olof = { key: 'id:200e524a-1d89-4ede-b9c2-7a70d509b636', displayName: 'Olof Bergström', organisation: 'Region Östmark' };
    const sara = { key: 'id:88b6dfbb-222b-46c7-a75e-ce6a5d2ad300', displayName: 'Sara Lind', organisation: 'Ekby kommun' };
    const input = {
      date: '2024-05-16',
      subject: 'Samordningsgrupp Nära vård',
      attendance: [
        { person: olof, status: 'present' as const },
        { person: sara, status: 'excused' as const },
      ],
    };
    const period = { from: '2024-01-01', to: '2024-12-31' };

    it('is written once into the group folder, read back as attendance-only and counted; adding it again is refused and writes nothing', async () => {
      const { year } = service();
      await year.addAttendanceOnly(input);

      const data = await year.read(period, () => {});
      expect(data.meetings).toEqual([{ folder: expect.stringMatching(/^2024-05-16 Samordningsgrupp Nära vård \([0-9a-z]{7}\)$/), kind: 'attendance-only', record: input }]);
      const attendance = attendanceYear(data.meetings, period, data.roster);
      expect(attendance.counted).toBe(1);
      expect(attendance.meetings[0]).toMatchObject({ source: 'attendance-only', basis: 'record', present: 1, excused: 1 });
      expect(attendance.organisations.find((o) => o.organisation === 'Region Östmark')?.meetings).toBe(1);
      expect(attendance.neverRepresented).toContain('Ekby kommun');

      // Again, and with the subject typed in another case: refused before anything is written.
      for (const again of [input, { ...input, subject: ' samordningsgrupp  nära VÅRD ' }]) {
        emulator.resetStats();
        const problem = await failure(year.addAttendanceOnly(again));
        expect(problem).toMatchObject({ kind: 'conflict', code: 'meeting-exists' });
        expect(Object.keys(emulator.stats().byRoute).filter((r) => r.startsWith('PUT') || r.startsWith('POST /drives'))).toEqual([]);
      }
      expect((await year.read(period, () => {})).meetings).toHaveLength(1);
    });

    it('a record that cannot be restored is listed as unreadable with why, and not counted', async () => {
      const secretary = graphAs(emulator, SECRETARY);
      const root = await secretary.get(files.channelFolder(TEAM, CHANNEL));
      const put = (folder: string, value: unknown) =>
        secretary.send(files.uploadText(root.driveId, root.id, `Justera/${folder}/justera-attendance-record.json`, JSON.stringify(value), { contentType: 'application/json' }));
      await put('2023-03-14 Samordningsgrupp (aaaa001)', { date: '2023-03-14', attendance: [{ displayName: 'Sara Lind' }] });
      await put('2023-04-11 Samordningsgrupp (aaaa002)', { kind: 'justera-attendance-record', schemaVersion: 9, date: '2023-04-11', subject: 'x', attendance: [] });
      const period = { from: '2023-01-01', to: '2023-12-31' };
      const data = await service().year.read(period, () => {});
      expect(data.meetings).toEqual([
        { folder: '2023-03-14 Samordningsgrupp (aaaa001)', kind: 'unreadable', reason: 'not-a-record' },
        { folder: '2023-04-11 Samordningsgrupp (aaaa002)', kind: 'unreadable', reason: 'newer-version' },
      ]);
      expect(attendanceYear(data.meetings, period, data.roster)).toMatchObject({ counted: 0, meetings: [{ source: 'unreadable' }, { source: 'unreadable' }] });
    });

    it('is refused on a day the folder already has minutes with that subject', async () => {
      const { year } = service();
      const held = expected.readable[0]!;
      const date = held.folder.slice(0, 10);
      const problem = await failure(year.addAttendanceOnly({ ...input, date }));
      expect(problem).toMatchObject({ kind: 'conflict', code: 'meeting-exists' });
      expect((await year.read({ from: date, to: date }, () => {})).meetings.map((m) => m.kind)).toEqual(['minutes']);
    });

    it('is refused for a date not held yet or not a date', async () => {
      const { year } = service();
      for (const date of ['2026-11-24', '2026-02-30', '16/5/2024', '']) {
        emulator.resetStats();
        expect(await failure(year.addAttendanceOnly({ ...input, date }))).toMatchObject({ kind: 'bad-data', code: 'bad-date' });
        expect(emulator.stats().requests).toBe(0);
      }
    });
  });

  it("the picker finds the roster's people first, with their organisation, then the directory, each once", async () => {
    const { year } = service();
    const found = await year.searchPeople('Sara');
    expect(found[0]).toEqual({ key: 'id:88b6dfbb-222b-46c7-a75e-ce6a5d2ad300', displayName: 'Sara Lind', email: 'sara.lind@ekby.se', organisation: 'Ekby kommun' });
    expect(new Set(found.map((p) => p.key.toLowerCase())).size).toBe(found.length);
    const olof = await year.searchPeople('olof');
    expect(olof.filter((p) => p.displayName === 'Olof Bergström')).toHaveLength(1);
    expect(await year.searchPeople('  ')).toEqual([]);
  });
});

describe('whether minutes sent for approval are approved', () => {
  /** The demo meeting's minutes written, sent to the chair and an adjuster, and answered by `answering`; then the year read. */
  async function yearWith(answering: readonly string[], faults?: Faults): Promise<{ data: YearData; folder: string }> {
    const w = await world();
    try {
      const { opened } = await approvedMinutes(w, 2, answering);
      if (faults) w.emulator.setFaults(faults);
      const graph = w.as(SECRETARY);
      const me = await graph.get(users.me());
      expect(me.directoryId).toBeTruthy();
      const year = yearService({ graph, cache: memoryYearCache(), now: () => new Date('2026-11-23T09:00:00Z'), timeZone: 'Europe/Stockholm' }, GROUP);
      const data = await year.read(groupYear('2026-11-23'), () => {});
      const folder = (await opened.meetingFolder())!;
      const item = await graph.get(files.item(folder.driveId, folder.folderId));
      return { data, folder: item.name };
    } finally {
      await w.emulator.close();
    }
  }

  it('is approved when every approver approved the version sent', async () => {
    const { data, folder } = await yearWith([DEMO.CHAIR, DEMO.MEMBER]);
    const meeting = data.meetings.find((m) => m.folder === folder);
    expect(meeting).toMatchObject({ kind: 'minutes', approved: true });
    expect(meetingsOfPeriod(data.meetings, data.period).find((m) => m.folder === folder)?.state).toBe('approved');
    // A group that has not set Justera up has no settings: its year is read all the same.
    expect(data.roster).toEqual([]);
  });

  it("stays sent when the answers cannot be listed (never said to be approved on a guess), and the year is read all the same", async () => {
    const { data, folder } = await yearWith([DEMO.CHAIR, DEMO.MEMBER], { clientError: { count: 5, status: 403, code: 'accessDenied' }, paths: 'justering' });
    const meeting = data.meetings.find((m) => m.folder === folder);
    expect(meeting).toMatchObject({ kind: 'minutes' });
    expect(meeting).not.toHaveProperty('approved');
    expect(meetingsOfPeriod(data.meetings, data.period).find((m) => m.folder === folder)?.state).toBe('sent');
  });

  it('stays sent while one approver has not answered', async () => {
    const { data, folder } = await yearWith([DEMO.CHAIR]);
    expect(data.meetings.find((m) => m.folder === folder)).toMatchObject({ kind: 'minutes', approved: false });
    expect(meetingsOfPeriod(data.meetings, data.period).find((m) => m.folder === folder)?.state).toBe('sent');
  });
});
