// Reading the demo group's year (issue 13) with the real Graph client, port and use case against the
// emulator over HTTP: every minutes file of the year read, the unreadable one said as such, in a
// handful of round trips (counted with the bench's request log, downloads included) instead of one
// per file; the device's copy spares the downloads of what did not change on the next visit, and a
// file changed in between is read again. What to expect comes from the scenario file (test/demoYear.ts).

import { requestLog, type RequestLog } from '../../bench/roundTrips';
import type { RunningEmulator } from '../../emulator/src/server';
import { DOWNLOADS_AT_ONCE, readGroupYear, type GroupYear, type YearPeriod, type YearProgress } from '../../src/app/groupYear';
import { emulatorTokenProvider } from '../../src/auth/emulatorTokenProvider';
import { createDownloadChain, createGraphClient } from '../../src/graph/client';
import * as files from '../../src/graph/files';
import { Graph } from '../../src/graph/graph';
import { memoryYearCache, type YearCache } from '../../src/store/yearCache';
import { demoYear } from '../demoYear';
import { DEMO, emulatorWith, failure, graphAs } from './harness';

const { SECRETARY, OUTSIDER, TEAM, CHANNEL } = DEMO;
const NOW = new Date('2026-11-23T09:00:00Z');
const GROUP = { teamId: TEAM, channelId: CHANNEL };
const WHOLE: YearPeriod = { from: '2025-01-01', to: '2026-12-31' };

let emulator: RunningEmulator;
beforeAll(async () => {
  emulator = await emulatorWith('demo', NOW);
});
afterAll(() => emulator.close());

/** A graph whose every request is logged, the downloads from SharePoint's URLs too. */
function logged(user: string): { graph: Graph; log: RequestLog } {
  const log = requestLog();
  const { client, version } = createGraphClient({ endpoint: { baseUrl: emulator.graphBaseUrl }, tokens: emulatorTokenProvider(emulator.url, user), observer: log });
  return { graph: new Graph(client, version, createDownloadChain({ observer: log })), log };
}

const isDownload = (r: { url: string }) => !new URL(r.url).pathname.startsWith('/v1.0/');

async function read(cache: YearCache, period = WHOLE, user: string = SECRETARY): Promise<{ year: GroupYear; log: RequestLog; progress: YearProgress[] }> {
  const { graph, log } = logged(user);
  const progress: YearProgress[] = [];
  const year = await readGroupYear({ graph, cache }, GROUP, period, (p) => progress.push(p));
  return { year, log, progress };
}

interface ScenarioPublication {
  publication?: { tasks: { taskId: string }[] };
}

describe("reading the group's year", () => {
  const expected = demoYear(NOW.getTime());
  const files12 = expected.readable.length + expected.unreadable.length;

  it('reads every minutes file of the year in a few round trips, says which one cannot be read, and gives the published tasks their Planner status', async () => {
    const cache = memoryYearCache();
    const { year, log, progress } = await read(cache);

    expect(year.meetings.map((m) => m.folderName)).toEqual([...expected.readable.map((m) => m.folder), ...expected.unreadable].sort());
    const readable = year.meetings.filter((m) => m.minutes?.ok);
    expect(readable.map((m) => m.folderName)).toEqual(expected.readable.map((m) => m.folder));
    for (const m of readable) {
      const want = expected.readable.find((r) => r.folder === m.folderName)!;
      expect(m.minutes).toMatchObject({ ok: true, eTag: expect.any(String), value: { meeting: { start: want.meeting.start } } });
      expect(m.date).toBe(m.folderName.slice(0, 10));
    }
    const bad = year.meetings.find((m) => m.folderName === expected.unreadable[0]);
    expect(bad?.minutes).toMatchObject({ ok: false, eTag: expect.any(String), unreadable: 'minutes-not-json' });

    // Progress: the number of files known first, then one step per file, ending at all of them.
    expect(progress[0]).toEqual({ done: 0, of: files12 });
    expect(progress.map((p) => p.done)).toEqual(Array.from({ length: files12 + 1 }, (_, i) => i));

    // Every task the year's minutes were published with has its status from Planner.
    const published = expected.readable.flatMap((m) => (m as ScenarioPublication).publication?.tasks ?? []).map((t) => t.taskId);
    expect(published.length).toBeGreaterThan(0);
    expect([...year.tasks.keys()].sort()).toEqual([...published].sort());
    expect([...year.tasks.values()].every((s) => s.state !== 'unknown' && s.state !== 'deleted')).toBe(true);

    // Each file downloaded once, but never one round trip per file: the channel folder, the listing,
    // the folders' listings in $batch, the downloads side by side, the tasks and their completers'
    // names; one file at a time would take two per file (its item, then its bytes).
    expect(log.requests.filter(isDownload)).toHaveLength(files12);
    expect(log.roundTrips()).toBeLessThanOrEqual(5 + Math.ceil(files12 / DOWNLOADS_AT_ONCE));
    expect(log.roundTrips()).toBeLessThan((2 * files12) / 3);
    expect(cache.size).toBe(files12);
  });

  it('on the next visit downloads nothing that did not change, and reads a file changed in between again', async () => {
    const cache = memoryYearCache();
    const first = await read(cache);

    const warm = await read(cache);
    expect(warm.log.requests.filter(isDownload)).toEqual([]);
    expect(warm.year.meetings).toEqual(first.year.meetings);
    expect(warm.progress.at(-1)).toEqual({ done: files12, of: files12 });
    expect(warm.log.roundTrips()).toBeLessThan(first.log.roundTrips());

    // Someone corrects one meeting's minutes in the meantime.
    const changed = first.year.meetings.find((m) => m.minutes?.ok)!;
    const minutes = changed.minutes!.ok ? changed.minutes!.value : undefined;
    const secretary = graphAs(emulator, SECRETARY);
    const file = (await secretary.get(files.itemByPath(first.year.folder.driveId, changed.folderId, 'minutes.json')))!;
    await secretary.send(files.replaceText(first.year.folder.driveId, file.id, JSON.stringify({ ...minutes, meeting: { ...minutes!.meeting, subject: 'Rättat ämne' } }), { contentType: 'application/json' }));

    const after = await read(cache);
    expect(after.log.requests.filter(isDownload)).toHaveLength(1);
    const reread = after.year.meetings.find((m) => m.folderId === changed.folderId)!;
    expect(reread.minutes).toMatchObject({ ok: true, value: { meeting: { subject: 'Rättat ämne' } } });
    expect(reread.minutes!.eTag).not.toBe(changed.minutes!.eTag);
  });

  it('reads the year all the same when the device refuses to keep it (storage blocked)', async () => {
    const refusing: YearCache = { get: () => Promise.reject(new Error('blocked')), put: () => Promise.reject(new Error('blocked')) };
    const warn = jest.spyOn(console, 'warn').mockImplementation(() => {});
    try {
      const { year } = await read(refusing);
      expect(year.meetings.filter((m) => m.minutes?.ok)).toHaveLength(expected.readable.length);
    } finally {
      warn.mockRestore();
    }
  });

  it('keeps to the period: only the meetings whose date is in it', async () => {
    const { year, log } = await read(memoryYearCache(), { from: '2026-01-01', to: '2026-06-30' });
    const inPeriod = [...expected.readable.map((m) => m.folder), ...expected.unreadable].filter((f) => f >= '2026-01-01' && f.slice(0, 10) <= '2026-06-30').sort();
    expect(inPeriod.length).toBeGreaterThan(0);
    expect(year.meetings.map((m) => m.folderName)).toEqual(inPeriod);
    expect(log.requests.filter(isDownload)).toHaveLength(inPeriod.length);
  });

  it('a year with no meetings reads nothing more than the listing', async () => {
    const { year, log, progress } = await read(memoryYearCache(), { from: '2020-01-01', to: '2020-12-31' });
    expect(year.meetings).toEqual([]);
    expect(year.tasks.size).toBe(0);
    expect(progress).toEqual([{ done: 0, of: 0 }]);
    expect(log.requests.filter(isDownload)).toEqual([]);
  });

  it('reads a meeting added with attendance only, and says why a record or minutes cannot be read while the rest is read', async () => {
    const secretary = graphAs(emulator, SECRETARY);
    const { driveId, folderId } = (await read(memoryYearCache(), { from: '2019-01-01', to: '2019-01-01' })).year.folder;
    const put = (path: string, text: string) => secretary.send(files.uploadText(driveId, folderId, `Justera/${path}`, text, { contentType: 'application/json' }));
    const record = { date: '2019-03-14', attendance: [{ displayName: 'Sara Lind', organisation: 'Region Östmark' }] };
    await put('2019-03-14 Samordningsgrupp (aaaa001)/justera-attendance-record.json', JSON.stringify(record));
    await put('2019-04-11 Samordningsgrupp (aaaa002)/justera-attendance-record.json', '{"date": "2019-04-11", ');
    await put('2019-05-16 Samordningsgrupp (aaaa003)/minutes.json', JSON.stringify({ schemaVersion: 999, meeting: { eventId: 'e-2019-05-16' } }));
    await put('2019-05-16 Samordningsgrupp (aaaa003)/notes.txt', 'not read');

    const { year, log } = await read(memoryYearCache(), { from: '2019-01-01', to: '2019-12-31' });
    expect(year.meetings.map((m) => [m.date, m.minutes && (m.minutes.ok || m.minutes.unreadable), m.attendanceRecord && (m.attendanceRecord.ok ? m.attendanceRecord.value : m.attendanceRecord.unreadable)])).toEqual([
      ['2019-03-14', undefined, record],
      ['2019-04-11', undefined, 'record-not-json'],
      ['2019-05-16', 'minutes-newer-version', undefined],
    ]);
    expect(log.requests.filter(isDownload)).toHaveLength(3);
  });

  it('fails as a whole, with a Problem, when the group\'s folder cannot be listed', async () => {
    const problem = await failure(read(memoryYearCache(), WHOLE, OUTSIDER));
    expect(problem.kind).toBe('forbidden');
  });
});
